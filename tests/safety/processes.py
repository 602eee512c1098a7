"""Child processes for the safety tests: started with the project on the path, read
line by line against a deadline, killed with SIGKILL."""

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 60


class Child:
    def __init__(self, *args: str, home: Path, stdin: bool = False):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LIFECRM_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        env.pop("LIFECRM_DB", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.safety.child", *args], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, text=True,
                                     encoding="utf-8")
        self.lines: list[str] = []
        self._errors: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_errors, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def _pump_errors(self) -> None:
        for line in self.proc.stderr:
            self._errors.append(line)

    def wait_for(self, prefix: str, timeout: float = DEADLINE_SECONDS) -> str:
        """The first line starting with `prefix`; AssertionError if the child ends or the deadline passes first."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self._queue.get(timeout=max(remaining, 0.001))
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} line within {timeout} s; got {self.lines}") from None
            if line is None:
                raise AssertionError(f"the child ended before {prefix!r}: {self.lines}\n{self.stderr()}")
            self.lines.append(line)
            if line.startswith(prefix):
                return line

    def send(self, text: str) -> None:
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def finish_or_kill(self, after: float) -> bool:
        """Let the child run for `after` seconds more: True if it finished by itself,
        False if it was killed with SIGKILL then."""
        try:
            self.proc.wait(timeout=after)
            return True
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=DEADLINE_SECONDS)
            return False

    def finish(self, timeout: float = DEADLINE_SECONDS) -> int:
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"the child did not finish within {timeout} s: {self.lines}") from None
        return code

    def stderr(self) -> str:
        return "".join(self._errors)

    def rest(self) -> list[str]:
        """Every line the child printed, once it has ended."""
        while True:
            line = self._queue.get(timeout=DEADLINE_SECONDS)
            if line is None:
                return self.lines
            self.lines.append(line)
