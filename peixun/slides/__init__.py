"""党课课件: a PowerPoint deck per chapter (and per lesson) from the lesson text."""
