"""LifeCRM: customer lifecycle management for lifestyle photography studios."""

__version__ = "0.1.0"
APP_NAME = "LifeCRM"
