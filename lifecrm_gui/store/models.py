"""One peewee model per table, bound to the database proxy. Columns match the
migrations (tests/store/test_schema.py checks that they do)."""

import uuid as uuid_module
from datetime import datetime

from peewee import (BooleanField, CompositeKey, DatabaseProxy, DateField, DateTimeField, FloatField,
                    ForeignKeyField, IntegerField, Model, TextField)

database = DatabaseProxy()


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Client(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    ref = TextField(null=True, unique=True)
    name = TextField()
    kind = TextField(default="individual")
    industry = TextField(null=True)
    contact_person = TextField(null=True)
    salutation = TextField(null=True)
    gender = TextField(null=True)
    phone = TextField(null=True, index=True)
    phone_alt = TextField(null=True, index=True)
    wechat = TextField(null=True, index=True)
    email = TextField(null=True, index=True)
    address = TextField(null=True)
    birthday = DateField(null=True)
    birthday_lunar = BooleanField(default=False)
    wedding_date = DateField(null=True)
    styles = TextField(default="")
    needs = TextField(default="")
    notes = TextField(default="")
    source = TextField(null=True)
    source_detail = TextField(null=True)
    referred_by = ForeignKeyField("self", null=True, backref="referrals", on_delete="SET NULL")
    first_seen_on = DateField(null=True)
    followers = IntegerField(default=0)
    engagement = IntegerField(default=0)
    influence_relevant = BooleanField(default=False)
    reputation_rank = IntegerField(null=True)
    annual_contract = BooleanField(default=False)
    consent = BooleanField(default=False)
    consent_on = DateField(null=True)
    consent_channel = TextField(null=True)
    lost_on = DateField(null=True)
    lost_reason = TextField(null=True)
    lost_note = TextField(null=True)
    manual_stage = TextField(null=True)
    manual_stage_on = DateField(null=True)
    class_pin = TextField(null=True)
    deleted_at = DateTimeField(null=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    # Derived by services.recompute; never edited by hand.
    stage = TextField(null=True, index=True)
    tier = IntegerField(default=0)
    client_class = TextField(null=True)
    quadrant = TextField(null=True)
    influence = IntegerField(default=0)
    frequency = IntegerField(default=0)
    satisfaction = FloatField(null=True)
    order_count = IntegerField(default=0)
    spend = IntegerField(default=0)
    first_order_on = DateField(null=True)
    last_order_on = DateField(null=True)
    last_activity_on = DateField(null=True)
    ltv_historical = IntegerField(default=0)
    ltv_projected = IntegerField(default=0)
    ltv_referral = IntegerField(default=0)
    ltv_total = IntegerField(default=0)
    orders_last_year = IntegerField(default=0)
    initiated_last_year = IntegerField(default=0)


class ClientSearch(BaseModel):
    """One narrow row of search keys per client, scanned by the search box."""
    client = ForeignKeyField(Client, primary_key=True, on_delete="CASCADE")
    text = TextField()
    sort_key = TextField(default="", index=True)


class FamilyMember(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    client = ForeignKeyField(Client, backref="family", on_delete="CASCADE")
    relation = TextField()
    name = TextField(default="")
    birthday = DateField(null=True)
    birthday_lunar = BooleanField(default=False)
    gender = TextField(null=True)
    note = TextField(default="")


class Campaign(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    name = TextField()
    playbook = TextField(null=True)
    segment = TextField(default="{}")  # JSON
    template = TextField(default="")
    channel = TextField(default="wechat")
    offer = TextField(default="")
    cost = IntegerField(default=0)
    status = TextField(default="draft")
    starts_on = DateField(null=True)
    ends_on = DateField(null=True)
    created_at = DateTimeField(default=now)


class Order(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    client = ForeignKeyField(Client, backref="orders", on_delete="CASCADE")
    ordered_on = DateField()
    category = TextField(null=True)
    package = TextField(default="")
    amount = IntegerField()
    paid = IntegerField(default=0)
    status = TextField(default="booked")
    shoot_on = DateField(null=True, index=True)
    note = TextField(default="")
    campaign = ForeignKeyField(Campaign, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "orders"


class Event(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    client = ForeignKeyField(Client, backref="events", on_delete="CASCADE")
    occurred_at = DateTimeField()
    kind = TextField()
    text = TextField(default="")
    staff = TextField(null=True)
    satisfaction = IntegerField(null=True)
    is_activity = BooleanField()
    order = ForeignKeyField(Order, null=True, on_delete="SET NULL")
    campaign = ForeignKeyField(Campaign, null=True, on_delete="SET NULL")
    stage_from = TextField(null=True)
    stage_to = TextField(null=True)
    win_back = BooleanField(default=False)
    data = TextField(null=True)  # JSON: reason of a stage change, resolution of a complaint, ...
    created_at = DateTimeField(default=now)


class Tag(BaseModel):
    name = TextField(unique=True)


class ClientTag(BaseModel):
    client = ForeignKeyField(Client, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("client", "tag")


class Task(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    client = ForeignKeyField(Client, backref="tasks", on_delete="CASCADE")
    due_on = DateField()
    title = TextField()
    note = TextField(default="")
    staff = TextField(null=True)
    done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=now)


class Setting(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()  # JSON


class CampaignRecipient(BaseModel):
    uuid = TextField(unique=True, default=new_uuid)
    campaign = ForeignKeyField(Campaign, backref="recipients", on_delete="CASCADE")
    client = ForeignKeyField(Client, on_delete="CASCADE")
    status = TextField(default="pending")
    message = TextField(default="")
    sent_at = DateTimeField(null=True)
    replied_at = DateTimeField(null=True)
    order = ForeignKeyField(Order, null=True, on_delete="SET NULL")
    revenue = IntegerField(default=0)

    class Meta:
        indexes = ((("campaign", "client"), True),)


ALL_MODELS = (Client, ClientSearch, FamilyMember, Campaign, Order, Event, Tag, ClientTag, Task, Setting,
              CampaignRecipient)
