"""One window per database: a second launch on the same database hands its
arguments to the window already open, which comes forward, and then exits.

The first launch takes a lock file and listens on a local socket, both named
from a hash of the database's real path (and the user), so two different
databases open side by side. The lock is QLockFile's: it records the process
id, and a lock whose process is gone (killed, crashed, power cut) is stale and
taken over at once, so it never blocks the next start. The socket of a killed
process is removed before listening again.

Messages are one line of JSON each way: {"argv": [...], "cwd": "..."} from the
newcomer, {"ok": true} back once the running window has taken it.

QLockFile needs a QCoreApplication (it records the application's name).
"""

import getpass
import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QDeadlineTimer, QDir, QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from shiboken6 import isValid

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 5000
REPLY_TIMEOUT_MS = 5000
RETRY_PAUSE_MS = 100
MAX_MESSAGE = 64 * 1024


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service account): the home folder stands in
        return str(Path.home())


def instance_key(db_path) -> str:
    """The same for every spelling of one database file (relative, symlinked, case
    on Windows), different for another file or another user."""
    real = os.path.normcase(os.path.realpath(os.path.abspath(str(db_path))))
    return hashlib.sha256(f"{_user()}\0{real}".encode()).hexdigest()[:24]


def server_name(db_path) -> str:
    return f"lifecrm-{instance_key(db_path)}"


def lock_path(db_path) -> Path:
    return Path(QDir.tempPath()) / f"lifecrm-{instance_key(db_path)}.lock"


class SingleInstance(QObject):
    """`claim()` once at start-up: True means this process is the one window on the
    database (then `received(list)` carries each later launch's arguments); False
    means another process has it (then `hand_off(argv)` and exit)."""

    received = Signal(list)

    def __init__(self, db_path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.name = server_name(db_path)
        self.lock = QLockFile(str(lock_path(db_path)))
        self.lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, QByteArray] = {}

    # --- the first launch ---------------------------------------------------------------
    def claim(self) -> bool:
        if not self.lock.tryLock(0):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # The temp folder cannot be written: go on without the guard rather than not at all.
            log.warning("no single-instance lock at %s (error %s)", lock_path(self.db_path), self.lock.error())
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a killed process's socket; the lock says none is alive
        if not self.server.listen(self.name):
            log.warning("the single-instance server %s cannot listen: %s", self.name, self.server.errorString())
            self.server = None
            return True
        self.server.newConnection.connect(self._accept)
        return True

    def owner_pid(self) -> int | None:
        """The process holding the lock (another one, when `claim` said False)."""
        info = self.lock.getLockInfo()  # PySide: (pid, host, application); pid 0 when there is none
        pid = info[0] if isinstance(info, tuple) else 0
        return int(pid) if pid else None

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = QByteArray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        if isValid(socket):  # the server may have gone first, taking its sockets along
            socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.append(socket.readAll())
        if buffer.size() > MAX_MESSAGE:
            log.warning("a single-instance message was too long; ignored")
            socket.abort()
            return
        if not buffer.contains(b"\n"):
            return
        line = bytes(buffer.data()).split(b"\n", 1)[0]
        self._buffers[socket] = QByteArray()
        try:
            message = json.loads(line.decode("utf-8"))
            argv = [str(a) for a in message.get("argv", [])]
        except (ValueError, AttributeError, TypeError) as error:
            log.warning("a single-instance message could not be read: %s", error)
            socket.abort()
            return
        socket.write(b'{"ok": true}\n')
        socket.flush()
        log.info("another launch handed over: %s", argv)
        self.received.emit(argv)

    # --- a later launch -----------------------------------------------------------------
    def hand_off(self, argv, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
        """Give the running window these arguments; True once it has taken them."""
        deadline = QDeadlineTimer(timeout_ms)
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(max(1, min(1000, deadline.remainingTime()))):
                break
            # The first window may hold the lock and not be listening yet (it is starting).
            if deadline.hasExpired():
                log.warning("the running LifeCRM did not answer on %s: %s", self.name, socket.errorString())
                return False
            QThread.msleep(RETRY_PAUSE_MS)
        message = json.dumps({"argv": [str(a) for a in argv], "cwd": os.getcwd()}, ensure_ascii=False) + "\n"
        socket.write(message.encode("utf-8"))
        if not socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
            log.warning("the hand-off could not be sent: %s", socket.errorString())
            return False
        reply = QByteArray()
        while not reply.contains(b"\n"):
            if not socket.waitForReadyRead(REPLY_TIMEOUT_MS):
                log.warning("the running LifeCRM did not confirm the hand-off: %s", socket.errorString())
                return False
            reply.append(socket.readAll())
        socket.disconnectFromServer()
        try:
            return bool(json.loads(bytes(reply.data()).split(b"\n", 1)[0]).get("ok"))
        except ValueError:
            return False
