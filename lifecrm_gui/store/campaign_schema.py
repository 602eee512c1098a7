"""Schema step 3, the campaigns' own: the language a campaign's messages are written
in, the day its audience was drawn and the holiday it greets, beside the campaign
row (store/models.py's Campaign stays as it is); and the indexes that let segments
and the Today view find birthdays, anniversaries and orders by category without
reading every client or order."""

from peewee import DateField, ForeignKeyField, TextField

from .models import BaseModel, Campaign

V3_TABLES = """
CREATE TABLE campaign_detail (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    lang TEXT NOT NULL DEFAULT 'zh',
    audience_on DATE,
    holiday TEXT
);
CREATE INDEX campaign_playbook ON campaign (playbook, starts_on);
CREATE INDEX client_birthday_md ON client (substr(birthday, 6, 5));
CREATE INDEX client_wedding_md ON client (substr(wedding_date, 6, 5));
CREATE INDEX client_lunar_birthday ON client (birthday) WHERE birthday_lunar = 1;
CREATE INDEX client_audience ON client (stage, client_class, tier, consent, deleted_at, lost_reason);
CREATE INDEX orders_category_cover ON orders (category, ordered_on, status, client_id);
CREATE INDEX family_member_birthday ON family_member (birthday);
CREATE INDEX family_member_birthday_md ON family_member (substr(birthday, 6, 5));
CREATE INDEX family_member_lunar_birthday ON family_member (birthday) WHERE birthday_lunar = 1
"""


def migrate(conn) -> None:
    for statement in V3_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


class CampaignDetail(BaseModel):
    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE", backref="detail")
    lang = TextField(default="zh")
    audience_on = DateField(null=True)
    holiday = TextField(null=True)  # the holiday a greeting is for, named in the campaign's language
