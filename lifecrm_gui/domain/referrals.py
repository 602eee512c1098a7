"""Referral links: one client names another as the one who sent them."""

from collections.abc import Callable


class ReferralCycle(ValueError):
    def __init__(self, chain: list):
        self.chain = chain
        super().__init__("referral cycle: " + " -> ".join(str(c) for c in chain))


def check_referrer(client_id, referrer_id, referrer_of: Callable) -> None:
    """Refuse a link that would make a client their own referrer, directly or
    through a chain. `referrer_of(id)` gives the id that referred `id`, or None."""
    if referrer_id is None:
        return
    chain = [client_id, referrer_id]
    current = referrer_id
    seen = {client_id}
    while current is not None:
        if current in seen:
            raise ReferralCycle(chain)
        seen.add(current)
        current = referrer_of(current)
        if current is not None:
            chain.append(current)
