"""One logging set-up for the application and gunicorn: stdout, one JSON object a line."""

FORMATTERS = {
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    },
    "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
}


def logging_config(*, formatter, level="INFO", loggers=None):
    """Return a dictConfig sending every record to stdout through the named formatter."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": FORMATTERS,
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": formatter,
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": loggers or {},
    }
