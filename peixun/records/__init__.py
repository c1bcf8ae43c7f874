"""学习记录 / 会议记录 sheets for branch meetings, and the 学习计划 year plan."""
