"""Chapter handouts for the branch study meeting: learner and teacher editions, page and PDF."""
