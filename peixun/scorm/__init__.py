"""SCORM: the course as a package for an LMS (``python -m peixun export scorm``) and the
question table the run-time (``peixun/assets/scorm/scorm.js``) uses to keep progress in
``suspend_data``."""
