"""Question banks in and out: Excel and Word (both ways), GIFT, Moodle XML, QTI 2.1 (out)."""
