"""400 simulated days of backups in a real folder, rotated after each one as the app
does: what is left on disk is what the policy says, and a good backup is never lost."""

from datetime import datetime, timedelta

from lifecrm_gui import paths
from lifecrm_gui.domain.rotation import backups_to_keep
from lifecrm_gui.services import backup as backup_service
from lifecrm_gui.services import backups
from lifecrm_gui.services.clients import create_client
from tests.conftest import AS_OF


def test_four_hundred_days_of_backups_on_disk_keep_what_the_policy_says(db, db_path):
    folder = paths.backup_dir()
    folder.mkdir(parents=True)
    start = datetime(2025, 6, 1)
    history = []
    for day in range(400):
        for hour in (10, 14, 19):  # the timer twice, and closing in the evening
            now = start + timedelta(days=day, hours=hour)
            (folder / backup_service.backup_name("studio", now, "auto")).write_bytes(b"")
            history.append(now)
            backups.prune(folder, "studio", now)
    on_disk = {backup_service.parse_backup_name(p.name, "studio")[0] for p in folder.iterdir()}
    assert on_disk == backups_to_keep(history, now)
    assert (now - min(on_disk)).days >= 330  # about a year back

    # A real backup at the end rotates the same way.
    create_client({"name": "王芳"}, as_of=AS_OF)
    later = now + timedelta(days=1)
    outcome = backups.backup_before("close", later)
    left = {backup_service.parse_backup_name(p.name, "studio")[0] for p in folder.iterdir()}
    assert left == backups_to_keep([*on_disk, later], later)
    assert outcome.path.exists() and backup_service.verify_backup(outcome.path) == "ok"
    backups.stop()
