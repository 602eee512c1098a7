from datetime import timedelta

from lifecrm_gui.services import clients, timeline
from lifecrm_gui.services.recompute import recompute
from lifecrm_gui.store.models import Client
from tests.conftest import AS_OF


def test_a_new_day_brings_stages_up_to_date_once(ctx, inline_workers, qtbot):
    from lifecrm_gui.ui.daily import DailyRecompute

    ordered = AS_OF - timedelta(days=400)
    cid = clients.create_client({"name": "王芳", "phone": "13800138000"}, as_of=ordered)
    timeline.add_order(cid, {"amount": "3000", "paid": "3000", "ordered_on": ordered}, as_of=ordered)
    recompute(ordered)
    assert Client.get_by_id(cid).stage == "new"

    daily = DailyRecompute(ctx)
    assert daily.due()
    with qtbot.waitSignal(ctx.clientsChanged) as changed:
        daily.start()
    daily.timer.stop()
    assert changed.args == [[]]
    assert Client.get_by_id(cid).stage == "dormant"
    assert not daily.due()

    with qtbot.assertNotEmitted(daily.finished):
        daily.check()


def test_nothing_runs_when_today_was_already_recomputed(ctx, inline_workers, qtbot):
    from lifecrm_gui.ui.daily import DailyRecompute

    recompute(AS_OF)
    daily = DailyRecompute(ctx)
    assert not daily.due()
    with qtbot.assertNotEmitted(daily.finished):
        daily.check()
