"""演示: a lesson or a chapter shown one screen at a time on the meeting room's screen."""
