"""LifeCRM: customer lifecycle management for lifestyle photography studios."""

import os

__version__ = "0.1.0"
APP_NAME = "LifeCRM"

# pypinyin is asked one character at a time (search_keys.readings), never to split a
# phrase: without its phrase dictionary it loads in a quarter of the time and 45 MB
# smaller, with every character's readings the same. Set before anything imports it.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")  # no custom readings are loaded into it
