<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../lifecrm_gui/ui/form_widgets.py" line="+355" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>CallDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_dialogs.py" line="+51" />
            <source>Log a call</source>
            <translation>Log a call</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A call with %1: what was said?</source>
            <translation>A call with %1: what was said?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. confirmed the shoot at 10:00</source>
            <translation>e.g. confirmed the shoot at 10:00</translation>
        </message>
    </context>
    <context>
        <name>CampaignsTab</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaigns_tab.py" line="+308" />
            <source>Campaigns</source>
            <translation>Campaigns</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Blank campaign</source>
            <translation>Blank campaign</translation>
        </message>
        <message>
            <location line="+2" />
            <source>From a playbook</source>
            <translation>From a playbook</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Playbooks, offers, holidays and the frequency cap</source>
            <translation>Playbooks, offers, holidays and the frequency cap</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Campaign</source>
            <translation>Campaign</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+10" />
            <source>Return</source>
            <translation>Return</translation>
        </message>
        <message>
            <location line="-8" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The campaign is over: it keeps its figures</source>
            <translation>The campaign is over: it keeps its figures</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Draw recipients</source>
            <translation>Draw recipients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add everyone the audience finds now as recipients, each with their own message</source>
            <translation>Add everyone the audience finds now as recipients, each with their own message</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Audience</source>
            <translation>Audience</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+118" />
            <source>Recipients</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <location line="-115" />
            <source>Campaign name</source>
            <translation>Campaign name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No campaign chosen</source>
            <translation>No campaign chosen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start one from a ready-made playbook (New ▸ From a playbook) or a blank one.</source>
            <translation>Start one from a ready-made playbook (New ▸ From a playbook) or a blank one.</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Campaigns: %1 · Bookings: %2 · Revenue: %3</source>
            <translation>Campaigns: %1 · Bookings: %2 · Revenue: %3</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Recipients (%1)</source>
            <translation>Recipients (%1)</translation>
        </message>
        <message>
            <location line="+30" />
            <source>clients will receive this (of %1 the filters find)</source>
            <translation>clients will receive this (of %1 the filters find)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 without marketing consent left out</source>
            <translation>%1 without marketing consent left out</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 at the frequency cap (%2 messages in %3 days)</source>
            <translation>%1 at the frequency cap (%2 messages in %3 days)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 reached or lined up by this playbook lately</source>
            <translation>%1 reached or lined up by this playbook lately</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Campaign saved</source>
            <translation>Campaign saved</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the changes to “%1” first?</source>
            <translation>Save the changes to “%1” first?</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New campaign %1</source>
            <translation>New campaign %1</translation>
        </message>
        <message>
            <location line="+35" />
            <source>%1 recipients added, each with their own message</source>
            <translation>%1 recipients added, each with their own message</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Delete campaign</source>
            <translation>Delete campaign</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete “%1” and its list of recipients? Messages already on the clients' timelines and orders stay.</source>
            <translation>Delete “%1” and its list of recipients? Messages already on the clients' timelines and orders stay.</translation>
        </message>
    </context>
    <context>
        <name>ClientHeader</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_header.py" line="+163" />
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value tier</source>
            <translation>Value tier</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Word of mouth</source>
            <translation>Word of mouth</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+4" />
            <source>Lifetime value</source>
            <translation>Lifetime value</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In the trash</source>
            <translation>In the trash</translation>
        </message>
        <message>
            <location line="+27" />
            <source>contact: %1</source>
            <translation>contact: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>satisfaction %1/5</source>
            <translation>satisfaction %1/5</translation>
        </message>
        <message>
            <location line="+14" />
            <source>As when it went to the trash; not kept up to date there.</source>
            <translation>As when it went to the trash; not kept up to date there.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 (pinned)</source>
            <translation>%1 (pinned)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>= spend %1 + projected %2 + referrals %3</source>
            <translation>= spend %1 + projected %2 + referrals %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>projected: average order × orders a year × %1 more years</source>
            <translation>projected: average order × orders a year × %1 more years</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Class: %1</source>
            <translation>Class: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Word of mouth: %1</source>
            <translation>Word of mouth: %1</translation>
        </message>
    </context>
    <context>
        <name>ClientListPage</name>
        <message>
            <location filename="../../lifecrm_gui/ui/client_list.py" line="+492" />
            <source>New client</source>
            <translation>New client</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a client (Ctrl+N)</source>
            <translation>Add a client (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clients shown of all clients</source>
            <translation>Clients shown of all clients</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No clients yet.
Press Ctrl+N to add the first one, or use File &gt; Import to bring in a list.
To look around first, fill a demo studio: python main.py demo --clients 2000</source>
            <translation>No clients yet.
Press Ctrl+N to add the first one, or use File &gt; Import to bring in a list.
To look around first, fill a demo studio: python main.py demo --clients 2000</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No client matches this search.
Try fewer letters, the last four digits of the phone, or clear the filters.</source>
            <translation>No client matches this search.
Try fewer letters, the last four digits of the phone, or clear the filters.</translation>
        </message>
    </context>
    <context>
        <name>ClientTableModel</name>
        <message>
            <location line="-419" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last activity</source>
            <translation>Last activity</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Spend</source>
            <translation>Spend</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lifetime value</source>
            <translation>Lifetime value</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Yesterday</source>
            <translation>Yesterday</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 days ago</source>
            <translation>%1 days ago</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/errors.py" line="+136" />
            <source>LifeCRM ran into a problem</source>
            <translation>LifeCRM ran into a problem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This was not caused by anything you did. Your saved data is safe. The details below were written to %1; please send them to whoever looks after LifeCRM.</source>
            <translation>This was not caused by anything you did. Your saved data is safe. The details below were written to %1; please send them to whoever looks after LifeCRM.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy details</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open log folder</source>
            <translation>Open log folder</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copied</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>DailyRecompute</name>
        <message>
            <location filename="../../lifecrm_gui/ui/daily.py" line="+45" />
            <source>Bringing every client's stage up to date…</source>
            <translation>Bringing every client's stage up to date…</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Stages brought up to date: %n client(s) moved stage.</source>
            <translation>
                <numerusform>Stages brought up to date: %n client(s) moved stage.</numerusform>
                <numerusform>Stages brought up to date: %n client(s) moved stage.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardTab</name>
        <message>
            <location filename="../../lifecrm_gui/ui/dashboard_tab.py" line="+197" />
            <source>All clients</source>
            <translation>All clients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All sources</source>
            <translation>All sources</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All needs</source>
            <translation>All needs</translation>
        </message>
        <message>
            <location line="+14" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <location line="+1" />
            <source>As of</source>
            <translation>As of</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF report</source>
            <translation>PDF report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the whole dashboard as a PDF report</source>
            <translation>Save the whole dashboard as a PDF report</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+218" />
            <source>Print</source>
            <translation>Print</translation>
        </message>
        <message>
            <location line="-217" />
            <source>Print the dashboard report</source>
            <translation>Print the dashboard report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Computing the figures…</source>
            <translation>Computing the figures…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Export this chart</source>
            <translation>Export this chart</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as PNG image…</source>
            <translation>Save as PNG image…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as SVG drawing…</source>
            <translation>Save as SVG drawing…</translation>
        </message>
        <message>
            <location line="+72" />
            <source>The period starts after it ends: choose a “From” date before the “To” date.</source>
            <translation>The period starts after it ends: choose a “From” date before the “To” date.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The figures could not be computed: %1</source>
            <translation>The figures could not be computed: %1</translation>
        </message>
        <message>
            <location line="+76" />
            <source>PNG image (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SVG drawing (*.svg)</source>
            <translation>SVG drawing (*.svg)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export chart</source>
            <translation>Export chart</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Chart saved to %1</source>
            <translation>Chart saved to %1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Report saved to %1</source>
            <translation>Report saved to %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Save PDF report</source>
            <translation>Save PDF report</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The figures are still being computed.</source>
            <translation>The figures are still being computed.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../../lifecrm_gui/ui/form_widgets.py" line="-185" />
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick a date</source>
            <translation>Pick a date</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_actions.py" line="+163" />
            <location line="+6" />
            <source>Erase for good</source>
            <translation>Erase for good</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Erase %1 and everything about them?</source>
            <translation>Erase %1 and everything about them?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This removes the client, their family, orders, timeline, follow-ups and campaign records from the database, as a privacy request asks. It cannot be undone; backups made earlier still hold them.</source>
            <translation>This removes the client, their family, orders, timeline, follow-ups and campaign records from the database, as a privacy request asks. It cannot be undone; backups made earlier still hold them.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type the client's name to confirm: %1</source>
            <translation>Type the client's name to confirm: %1</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../lifecrm_gui/ui/errors.py" line="-101" />
            <source>Please check these fields:</source>
            <translation>Please check these fields:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The backup failed and was not kept: %1</source>
            <translation>The backup failed and was not kept: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>LifeCRM may not use this file or folder: %1</source>
            <translation>LifeCRM may not use this file or folder: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This file or folder does not exist: %1</source>
            <translation>This file or folder does not exist: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This is a folder, not a file: %1</source>
            <translation>This is a folder, not a file: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The disk is full: free some space and try again.</source>
            <translation>The disk is full: free some space and try again.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The file could not be used: %1</source>
            <translation>The file could not be used: %1</translation>
        </message>
    </context>
    <context>
        <name>ExpoWindow</name>
        <message>
            <location filename="../../lifecrm_gui/ui/expo_mode.py" line="+353" />
            <source>Expo mode — %1</source>
            <translation>Expo mode — %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expo mode</source>
            <translation>Expo mode</translation>
        </message>
        <message>
            <location line="+2" />
            <source>leads today</source>
            <translation>leads today</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave (Esc)</source>
            <translation>Leave (Esc)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mobile phone</source>
            <translation>Mobile phone</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Interested in</source>
            <translation>Interested in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wedding date</source>
            <translation>Wedding date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Budget</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 王芳</source>
            <translation>e.g. 王芳</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 138 0013 8000</source>
            <translation>e.g. 138 0013 8000</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What they are looking for, when to call back…</source>
            <translation>What they are looking for, when to call back…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Agrees to receive the studio's offers and news (marketing consent)</source>
            <translation>Agrees to receive the studio's offers and news (marketing consent)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save and next</source>
            <translation>Save and next</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Captured today</source>
            <translation>Captured today</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The leads of the day appear here.</source>
            <translation>The leads of the day appear here.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change the phone</source>
            <translation>Change the phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter saves and clears the form for the next visitor  ·  Esc leaves expo mode  ·  Everything is saved on this computer: no network needed</source>
            <translation>Enter saves and clears the form for the next visitor  ·  Esc leaves expo mode  ·  Everything is saved on this computer: no network needed</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Please check the marked fields.</source>
            <translation>Please check the marked fields.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Saved: %1. Ready for the next visitor.</source>
            <translation>Saved: %1. Ready for the next visitor.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 was already captured today at %2: %3.</source>
            <translation>%1 was already captured today at %2: %3.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 was already captured today: %3.</source>
            <translation>%1 was already captured today: %3.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 belongs to %3, a client since %2.</source>
            <translation>%1 belongs to %3, a client since %2.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 belongs to %3.</source>
            <translation>%1 belongs to %3.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(%1 clients have this phone.)</source>
            <translation>(%1 clients have this phone.)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add what they said to %1's timeline instead of a new lead?</source>
            <translation>Add what they said to %1's timeline instead of a new lead?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add to %1's timeline</source>
            <translation>Add to %1's timeline</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Added to %1's timeline. Ready for the next visitor.</source>
            <translation>Added to %1's timeline. Ready for the next visitor.</translation>
        </message>
        <message>
            <location line="+70" />
            <source>Leave expo mode</source>
            <translation>Leave expo mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave expo mode? Every lead captured is saved (%1 today).</source>
            <translation>Leave expo mode? Every lead captured is saved (%1 today).</translation>
        </message>
    </context>
    <context>
        <name>FairDialog</name>
        <message>
            <location line="-460" />
            <source>Expo mode</source>
            <translation>Expo mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Which fair is this?</source>
            <translation>Which fair is this?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every lead captured is marked with the fair's name, so you can see later which fair brought whom.</source>
            <translation>Every lead captured is marked with the fair's name, so you can see later which fair brought whom.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. Spring Wedding Expo 2026</source>
            <translation>e.g. Spring Wedding Expo 2026</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start expo mode</source>
            <translation>Start expo mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>FamilyEditor</name>
        <message>
            <location filename="../../lifecrm_gui/ui/family_editor.py" line="+109" />
            <source>No family members yet.</source>
            <translation>No family members yet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add family member</source>
            <translation>Add family member</translation>
        </message>
    </context>
    <context>
        <name>FamilyRow</name>
        <message>
            <location line="-54" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lunar</source>
            <translation>Lunar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The birthday is a lunar calendar date</source>
            <translation>The birthday is a lunar calendar date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove this family member</source>
            <translation>Remove this family member</translation>
        </message>
    </context>
    <context>
        <name>FieldMessages</name>
        <message>
            <location filename="../../lifecrm_gui/ui/form_widgets.py" line="-142" />
            <source>A name is required</source>
            <translation>A name is required</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a phone number</source>
            <translation>Not a phone number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a valid mobile number</source>
            <translation>Not a valid mobile number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not an email address</source>
            <translation>Not an email address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a WeChat id (6-20 letters, digits, - or _, starting with a letter)</source>
            <translation>Not a WeChat id (6-20 letters, digits, - or _, starting with a letter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not a date (use YYYY-MM-DD)</source>
            <translation>Not a date (use YYYY-MM-DD)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Must be a whole number, zero or more</source>
            <translation>Must be a whole number, zero or more</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Must be 1 to 5</source>
            <translation>Must be 1 to 5</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This would make a referral cycle</source>
            <translation>This would make a referral cycle</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No such client</source>
            <translation>No such client</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An amount is required</source>
            <translation>An amount is required</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not an amount</source>
            <translation>Not an amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cannot be negative</source>
            <translation>Cannot be negative</translation>
        </message>
        <message>
            <location line="+1" />
            <source>More than two decimals</source>
            <translation>More than two decimals</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too large</source>
            <translation>Too large</translation>
        </message>
        <message>
            <location line="+1" />
            <source>More than the amount</source>
            <translation>More than the amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A follow-up needs a title</source>
            <translation>A follow-up needs a title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A family member needs a name or a birthday</source>
            <translation>A family member needs a name or a birthday</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unknown relation</source>
            <translation>Unknown relation</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Already belongs to %1</source>
            <translation>Already belongs to %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Too long</source>
            <translation>Too long</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <location filename="../../lifecrm_gui/ui/file_actions.py" line="+24" />
            <source>Clients</source>
            <translation>Clients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeline events</source>
            <translation>Timeline events</translation>
        </message>
        <message>
            <location line="+133" />
            <source>LifeCRM</source>
            <translation>LifeCRM</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Importing %1…</source>
            <translation>Importing %1…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Import problems</source>
            <translation>Import problems</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Problems found in %1: %2 (rows read: %3). Nothing was written: fix these rows and import the file again.</source>
            <translation>Problems found in %1: %2 (rows read: %3). Nothing was written: fix these rows and import the file again.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 has no problems. %2 that would be imported: %3 (rows read: %4).</source>
            <translation>%1 has no problems. %2 that would be imported: %3 (rows read: %4).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Import finished. %1 written: %2 (rows read: %3, file %4).</source>
            <translation>Import finished. %1 written: %2 (rows read: %3, file %4).</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Rows exported: %1
File: %2</source>
            <translation>Rows exported: %1
File: %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Exporting to %1…</source>
            <translation>Exporting to %1…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Back up the database to</source>
            <translation>Back up the database to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>LifeCRM database (*.sqlite3)</source>
            <translation>LifeCRM database (*.sqlite3)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Backup written and verified:
%1</source>
            <translation>Backup written and verified:
%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Backing up the database…</source>
            <translation>Backing up the database…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancelled; nothing was written.</source>
            <translation>Cancelled; nothing was written.</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../lifecrm_gui/ui/client_list.py" line="+150" />
            <source>All stages</source>
            <translation>All stages</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All tiers</source>
            <translation>All tiers</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All classes</source>
            <translation>All classes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All needs</source>
            <translation>All needs</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All sources</source>
            <translation>All sources</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Search name, pinyin, initials, phone, WeChat, email or tag</source>
            <translation>Search name, pinyin, initials, phone, WeChat, email or tag</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search (Ctrl+F)</source>
            <translation>Search (Ctrl+F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear the search and every filter</source>
            <translation>Clear the search and every filter</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Lifecycle stage</source>
            <translation>Lifecycle stage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value tier</source>
            <translation>Value tier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client class</source>
            <translation>Client class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_dialogs.py" line="+14" />
            <source>New follow-up</source>
            <translation>New follow-up</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A follow-up for %1</source>
            <translation>A follow-up for %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. call about the 周岁 shoot</source>
            <translation>e.g. call about the 周岁 shoot</translation>
        </message>
        <message>
            <location line="+7" />
            <source>What *</source>
            <translation>What *</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due *</source>
            <translation>Due *</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>LostDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/lost_dialog.py" line="+56" />
            <location line="+5" />
            <source>Mark lost</source>
            <translation>Mark lost</translation>
        </message>
        <message>
            <location line="-4" />
            <source>%1 stays churned until a new order.</source>
            <translation>%1 stays churned until a new order.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why was the client lost?</source>
            <translation>Why was the client lost?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note (required when the reason is “Other”)</source>
            <translation>Note (required when the reason is “Other”)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What happened, in a few words</source>
            <translation>What happened, in a few words</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../lifecrm_gui/ui/main_window.py" line="+49" />
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clients</source>
            <translation>Clients</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Profile</source>
            <translation>Profile</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Campaigns</source>
            <translation>Campaigns</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Merge from another database…</source>
            <translation>&amp;Merge from another database…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Restore from a backup…</source>
            <translation>&amp;Restore from a backup…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>E&amp;xpo mode…</source>
            <translation>E&amp;xpo mode…</translation>
        </message>
        <message>
            <location line="+161" />
            <source>The profile page is not available in this version.</source>
            <translation>The profile page is not available in this version.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New client…</source>
            <translation>&amp;New client…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Import…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Backup…</source>
            <translation>&amp;Backup…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About LifeCRM</source>
            <translation>&amp;About LifeCRM</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find a client</source>
            <translation>Find a client</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Import is not available in this version.</source>
            <translation>Import is not available in this version.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read-only: the database failed its check</source>
            <translation>Read-only: the database failed its check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore a backup with File &gt; Restore from a backup.</source>
            <translation>Restore a backup with File &gt; Restore from a backup.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Opening…</source>
            <translation>Opening…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1 (read-only)</source>
            <translation>%1 (read-only)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Clients: %1</source>
            <translation>Clients: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 was added.</source>
            <translation>%1 was added.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Expo mode</source>
            <translation>Expo mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expo mode needs a database that can be written; this one failed its check and is open read-only.</source>
            <translation>Expo mode needs a database that can be written; this one failed its check and is open read-only.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>The database failed its check and is open read-only: nothing can be changed. Restore a backup with File &gt; Restore from a backup.</source>
            <translation>The database failed its check and is open read-only: nothing can be changed. Restore a backup with File &gt; Restore from a backup.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The backup was restored; the data can be changed again.</source>
            <translation>The backup was restored; the data can be changed again.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>The automatic backup failed: %1</source>
            <translation>The automatic backup failed: %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>About LifeCRM</source>
            <translation>About LifeCRM</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;h3&gt;LifeCRM %1&lt;/h3&gt;&lt;p&gt;Client lifecycle management for photography studios.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Logs: %3&lt;/p&gt;</source>
            <translation>&lt;h3&gt;LifeCRM %1&lt;/h3&gt;&lt;p&gt;Client lifecycle management for photography studios.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Logs: %3&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Finishing the work in progress…</source>
            <translation>Finishing the work in progress…</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/merge_dialog.py" line="+181" />
            <location line="+1" />
            <location line="+62" />
            <source>Merge from another LifeCRM database</source>
            <translation>Merge from another LifeCRM database</translation>
        </message>
        <message>
            <location line="-60" />
            <source>Bring in what a laptop captured away from the studio. Clients are matched by phone, WeChat id or email; empty fields are filled in, and fields that differ on both sides wait for your choice below. Merging the same file twice changes nothing.</source>
            <translation>Bring in what a laptop captured away from the studio. Clients are matched by phone, WeChat id or email; empty fields are filled in, and fields that differ on both sides wait for your choice below. Merging the same file twice changes nothing.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the other LifeCRM database (.sqlite3)</source>
            <translation>Choose the other LifeCRM database (.sqlite3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A verified backup of this database is taken before anything is merged.</source>
            <translation>A verified backup of this database is taken before anything is merged.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the laptop's database file, then Merge. What came over, and any fields that need your choice, will show here.</source>
            <translation>Choose the laptop's database file, then Merge. What came over, and any fields that need your choice, will show here.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Merge</source>
            <translation>Merge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the merge did</source>
            <translation>What the merge did</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New clients</source>
            <translation>New clients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Matched clients</source>
            <translation>Matched clients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflicts to review</source>
            <translation>Conflicts to review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rows added</source>
            <translation>Rows added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fields that differ</source>
            <translation>Fields that differ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Both databases hold a different value for these fields. Choose, field by field, which one the client keeps.</source>
            <translation>Both databases hold a different value for these fields. Choose, field by field, which one the client keeps.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ours (this database)</source>
            <translation>Ours (this database)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Theirs (incoming)</source>
            <translation>Theirs (incoming)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Keep</source>
            <translation>Keep</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep all ours</source>
            <translation>Keep all ours</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take all theirs</source>
            <translation>Take all theirs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Apply choices</source>
            <translation>Apply choices</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Industry</source>
            <translation>Industry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact person</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Salutation</source>
            <translation>Salutation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gender</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Second phone</source>
            <translation>Second phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat</source>
            <translation>WeChat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Birthday</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lunar birthday</source>
            <translation>Lunar birthday</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wedding date</source>
            <translation>Wedding date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source detail</source>
            <translation>Source detail</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Referred by</source>
            <translation>Referred by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Followers</source>
            <translation>Followers</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Engagement</source>
            <translation>Engagement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reputation rank</source>
            <translation>Reputation rank</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pinned class</source>
            <translation>Pinned class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consent channel</source>
            <translation>Consent channel</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lost reason</source>
            <translation>Lost reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage set by hand</source>
            <translation>Stage set by hand</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Keep ours</source>
            <translation>Keep ours</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take theirs</source>
            <translation>Take theirs</translation>
        </message>
        <message>
            <location line="+6" />
            <source>LifeCRM databases (*.sqlite3 *.db);;All files (*)</source>
            <translation>LifeCRM databases (*.sqlite3 *.db);;All files (*)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Merging %1…</source>
            <translation>Merging %1…</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The merge was cancelled; nothing was changed.</source>
            <translation>The merge was cancelled; nothing was changed.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>This file was merged before and has not changed since: nothing to do.</source>
            <translation>This file was merged before and has not changed since: nothing to do.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>timeline entries</source>
            <translation>timeline entries</translation>
        </message>
        <message>
            <location line="+0" />
            <source>clients</source>
            <translation>clients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>orders</source>
            <translation>orders</translation>
        </message>
        <message>
            <location line="+0" />
            <source>family members</source>
            <translation>family members</translation>
        </message>
        <message>
            <location line="+1" />
            <source>tags</source>
            <translation>tags</translation>
        </message>
        <message>
            <location line="+0" />
            <source>follow-ups</source>
            <translation>follow-ups</translation>
        </message>
        <message>
            <location line="+1" />
            <source>nothing new</source>
            <translation>nothing new</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Added: %1</source>
            <translation>Added: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Backup taken first: %1</source>
            <translation>Backup taken first: %1</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Applying choices…</source>
            <translation>Applying choices…</translation>
        </message>
    </context>
    <context>
        <name>NewClientDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/new_client_dialog.py" line="+206" />
            <source>New client</source>
            <translation>New client</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A name and a phone number are enough; add the rest when you know it.</source>
            <translation>A name and a phone number are enough; add the rest when you know it.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mobile phone</source>
            <translation>Mobile phone</translation>
        </message>
        <message>
            <location line="+0" />
            <source>WeChat</source>
            <translation>WeChat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Marketing</source>
            <translation>Marketing</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 王芳 or Wang Fang</source>
            <translation>e.g. 王芳 or Wang Fang</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 138 0013 8000</source>
            <translation>e.g. 138 0013 8000</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+92" />
            <source>WeChat id</source>
            <translation>WeChat id</translation>
        </message>
        <message>
            <location line="-91" />
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What they asked about, dates, budget…</source>
            <translation>What they asked about, dates, budget…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Agrees to receive news and offers</source>
            <translation>Agrees to receive news and offers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log this call as an inquiry on the timeline</source>
            <translation>Log this call as an inquiry on the timeline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as a new client anyway</source>
            <translation>Save as a new client anyway</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not known</source>
            <translation>Not known</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Please enter a name.</source>
            <translation>Please enter a name.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a valid mobile number: type the 11 digits, e.g. 138 0013 8000.</source>
            <translation>Not a valid mobile number: type the 11 digits, e.g. 138 0013 8000.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A WeChat id has 6 to 20 letters, digits, - or _, and starts with a letter.</source>
            <translation>A WeChat id has 6 to 20 letters, digits, - or _, and starts with a letter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not an email address.</source>
            <translation>Not an email address.</translation>
        </message>
        <message>
            <location line="+58" />
            <source>phone number</source>
            <translation>phone number</translation>
        </message>
        <message>
            <location line="+0" />
            <source>email</source>
            <translation>email</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This %1 (%2) already belongs to %3.</source>
            <translation>This %1 (%2) already belongs to %3.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open %1</source>
            <translation>Open %1</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Phone inquiry</source>
            <translation>Phone inquiry</translation>
        </message>
    </context>
    <context>
        <name>OrderDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/order_dialog.py" line="+71" />
            <source>Needs category</source>
            <translation>Needs category</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Package</source>
            <translation>Package</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount *</source>
            <translation>Amount *</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ordered on *</source>
            <translation>Ordered on *</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shoot date</source>
            <translation>Shoot date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New order</source>
            <translation>New order</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A new order for %1</source>
            <translation>A new order for %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit order</source>
            <translation>Edit order</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order of %1 for %2</source>
            <translation>Order of %1 for %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. 全家福 A 套餐</source>
            <translation>e.g. 全家福 A 套餐</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save order</source>
            <translation>Save order</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel this order</source>
            <translation>Cancel this order</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled orders are kept and stop counting</source>
            <translation>Cancelled orders are kept and stop counting</translation>
        </message>
        <message>
            <location line="+35" />
            <source>The order needs a date</source>
            <translation>The order needs a date</translation>
        </message>
    </context>
    <context>
        <name>PlaybookDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_playbooks.py" line="+38" />
            <source>Playbooks and campaign settings</source>
            <translation>Playbooks and campaign settings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Playbooks</source>
            <translation>Playbooks</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holidays</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Frequency cap</source>
            <translation>Frequency cap</translation>
        </message>
        <message>
            <location line="+8" />
            <source>At most</source>
            <translation>At most</translation>
        </message>
        <message>
            <location line="+2" />
            <source>campaign messages to a client in any</source>
            <translation>campaign messages to a client in any</translation>
        </message>
        <message>
            <location line="+2" />
            <source>days</source>
            <translation>days</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+32" />
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <location line="-32" />
            <source>Playbook</source>
            <translation>Playbook</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Offer</source>
            <translation>Offer</translation>
        </message>
        <message>
            <location line="+14" />
            <source>no offer</source>
            <translation>no offer</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Holiday</source>
            <translation>Holiday</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Calendar</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Gregorian</source>
            <translation>Gregorian</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lunar</source>
            <translation>Lunar</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Greetings come due five days before each holiday; lunar holidays follow the lunar calendar each year.</source>
            <translation>Greetings come due five days before each holiday; lunar holidays follow the lunar calendar each year.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/file_actions.py" line="-132" />
            <source>…and %1 more.</source>
            <translation>…and %1 more.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>ProfileActions</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_actions.py" line="-80" />
            <source>Mark lost…</source>
            <translation>Mark lost…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client is gone: record why</source>
            <translation>The client is gone: record why</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reopen</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take back the lost mark; the stage follows from the facts again</source>
            <translation>Take back the lost mark; the stage follows from the facts again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move a client without orders between lead and prospect</source>
            <translation>Move a client without orders between lead and prospect</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pin a class by hand, or let the rules decide</source>
            <translation>Pin a class by hand, or let the rules decide</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unpin: follow the rules</source>
            <translation>Unpin: follow the rules</translation>
        </message>
        <message>
            <location line="+1" />
            <source>More</source>
            <translation>More</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export this client's data…</source>
            <translation>Export this client's data…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move to trash</source>
            <translation>Move to trash</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Erase for good…</source>
            <translation>Erase for good…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Move to %1</source>
            <translation>Move to %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pin as %1</source>
            <translation>Pin as %1</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_sections.py" line="+179" />
            <source>Identity</source>
            <translation>Identity</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Origin</source>
            <translation>Origin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Marketing consent</source>
            <translation>Marketing consent</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Life events</source>
            <translation>Life events</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Word-of-mouth influence</source>
            <translation>Word-of-mouth influence</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+15" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Name *</source>
            <translation>Name *</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Industry</source>
            <translation>Industry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact person</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Salutation</source>
            <translation>Salutation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Second mobile</source>
            <translation>Second mobile</translation>
        </message>
        <message>
            <location line="+0" />
            <source>WeChat</source>
            <translation>WeChat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source detail</source>
            <translation>Source detail</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Referred by</source>
            <translation>Referred by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Has referred</source>
            <translation>Has referred</translation>
        </message>
        <message>
            <location line="+0" />
            <source>First seen</source>
            <translation>First seen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consent</source>
            <translation>Consent</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Given on</source>
            <translation>Given on</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Birthday</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Wedding date</source>
            <translation>Wedding date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Styles</source>
            <translation>Styles</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Followers</source>
            <translation>Followers</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Engagement</source>
            <translation>Engagement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relevance</source>
            <translation>Relevance</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reputation rank</source>
            <translation>Reputation rank</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Lunar calendar</source>
            <translation>Lunar calendar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Agrees to receive offers and greetings</source>
            <translation>Agrees to receive offers and greetings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posts reach the studio's audience</source>
            <translation>Posts reach the studio's audience</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annual contract</source>
            <translation>Annual contract</translation>
        </message>
        <message>
            <location line="+1" />
            <source> per post</source>
            <translation> per post</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Typical likes and comments per post</source>
            <translation>Typical likes and comments per post</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 (little known) to 5 (leading name), for enterprises</source>
            <translation>1 (little known) to 5 (leading name), for enterprises</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How to address them, e.g. 王女士</source>
            <translation>How to address them, e.g. 王女士</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 138 0013 8000</source>
            <translation>e.g. 138 0013 8000</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat id</source>
            <translation>WeChat id</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. which expo, which post</source>
            <translation>e.g. which expo, which post</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Also on file for %1</source>
            <translation>Also on file for %1</translation>
        </message>
        <message>
            <location line="+82" />
            <source>nobody yet</source>
            <translation>nobody yet</translation>
        </message>
    </context>
    <context>
        <name>ProfileTab</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_tab.py" line="+144" />
            <source>No client selected</source>
            <translation>No client selected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick a client in the list to see and edit their profile.</source>
            <translation>Pick a client in the list to see and edit their profile.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revert</source>
            <translation>Revert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Throw away the edits and show what is saved</source>
            <translation>Throw away the edits and show what is saved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the edits (Ctrl+S)</source>
            <translation>Save the edits (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+118" />
            <source>This client is in the trash: left out of lists and figures until restored.</source>
            <translation>This client is in the trash: left out of lists and figures until restored.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>● Unsaved changes</source>
            <translation>● Unsaved changes</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Saved</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Please fix the fields marked in red, then save again.</source>
            <translation>Please fix the fields marked in red, then save again.</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Marked lost</source>
            <translation>Marked lost</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reopened</source>
            <translation>Reopened</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Stage changed</source>
            <translation>Stage changed</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Class pinned</source>
            <translation>Class pinned</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Class unpinned</source>
            <translation>Class unpinned</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export this client's data</source>
            <translation>Export this client's data</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON files (*.json)</source>
            <translation>JSON files (*.json)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exported %1's data to %2</source>
            <translation>Exported %1's data to %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Moved to the trash</source>
            <translation>Moved to the trash</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Restored</source>
            <translation>Restored</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Erased for good</source>
            <translation>Erased for good</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile has changes that are not saved yet. Save them?</source>
            <translation>The profile has changes that are not saved yet. Save them?</translation>
        </message>
    </context>
    <context>
        <name>QuickAdd</name>
        <message>
            <location filename="../../lifecrm_gui/ui/event_widgets.py" line="+486" />
            <source>What happened? Press Enter to add it to the timeline</source>
            <translation>What happened? Press Enter to add it to the timeline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind of touch</source>
            <translation>Kind of touch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfaction, 1 to 5</source>
            <translation>Satisfaction, 1 to 5</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Write what the note or complaint says</source>
            <translation>Write what the note or complaint says</translation>
        </message>
    </context>
    <context>
        <name>RecipientsPanel</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_recipients.py" line="+167" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replied</source>
            <translation>Replied</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mark sent</source>
            <translation>Mark sent</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The selected recipients' messages went out (all pending ones when none is selected)</source>
            <translation>The selected recipients' messages went out (all pending ones when none is selected)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Replied…</source>
            <translation>Replied…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The client answered: logged on their timeline</source>
            <translation>The client answered: logged on their timeline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Booking…</source>
            <translation>Booking…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Record the order the message brought in</source>
            <translation>Record the order the message brought in</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+122" />
            <source>Opted out</source>
            <translation>Opted out</translation>
        </message>
        <message>
            <location line="-122" />
            <source>No more marketing: withdraws the client's consent</source>
            <translation>No more marketing: withdraws the client's consent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Copy the selected messages (to paste into WeChat)</source>
            <translation>Copy the selected messages (to paste into WeChat)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open client</source>
            <translation>Open client</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Show the client's profile</source>
            <translation>Show the client's profile</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SMS platform list (CSV)…</source>
            <translation>SMS platform list (CSV)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS platform list (Excel)…</source>
            <translation>SMS platform list (Excel)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat list (Excel)…</source>
            <translation>WeChat list (Excel)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mail merge: emails and cards (Excel)…</source>
            <translation>Mail merge: emails and cards (Excel)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call list (Excel)…</source>
            <translation>Call list (Excel)…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>All (%1)</source>
            <translation>All (%1)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 recipients · %2 still to send</source>
            <translation>%1 recipients · %2 still to send</translation>
        </message>
        <message>
            <location line="+38" />
            <source>%1 messages recorded as sent</source>
            <translation>%1 messages recorded as sent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>; %1 left pending (consent withdrawn or frequency cap reached)</source>
            <translation>; %1 left pending (consent withdrawn or frequency cap reached)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Reply from %1 logged on the timeline</source>
            <translation>Reply from %1 logged on the timeline</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Booking of %1 recorded for this campaign</source>
            <translation>Booking of %1 recorded for this campaign</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 asked for no more marketing messages. Withdraw their marketing consent?</source>
            <translation>%1 asked for no more marketing messages. Withdraw their marketing consent?</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 opted out: marketing consent withdrawn</source>
            <translation>%1 opted out: marketing consent withdrawn</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Messages copied</source>
            <translation>Messages copied</translation>
        </message>
        <message>
            <location line="+10" />
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Excel files (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+14" />
            <source>Export recipients</source>
            <translation>Export recipients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 recipients were written to %2. Once the messages have gone out, mark them as sent now?</source>
            <translation>%1 recipients were written to %2. Once the messages have gone out, mark them as sent now?</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <location filename="../../lifecrm_gui/ui/restore_dialog.py" line="+239" />
            <source>The database failed its check and was moved aside, untouched, to:</source>
            <translation>The database failed its check and was moved aside, untouched, to:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No backup that passes its check was found. LifeCRM shows what can still be read, and nothing can be changed.</source>
            <translation>No backup that passes its check was found. LifeCRM shows what can still be read, and nothing can be changed.</translation>
        </message>
        <message>
            <location line="-5" />
            <source>The database is damaged</source>
            <translation>The database is damaged</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Restore the backup taken %1?</source>
            <translation>Restore the backup taken %1?</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Where the database is kept</source>
            <translation>Where the database is kept</translation>
        </message>
    </context>
    <context>
        <name>ReferrerPicker</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_fields.py" line="+66" />
            <source>Search a client by name, pinyin or phone</source>
            <translation>Search a client by name, pinyin or phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nobody referred this client</source>
            <translation>Nobody referred this client</translation>
        </message>
    </context>
    <context>
        <name>ReplyDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_dialogs.py" line="-45" />
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 replied. What did they say? (optional)</source>
            <translation>%1 replied. What did they say? (optional)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. asked about dates in October</source>
            <translation>e.g. asked about dates in October</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/restore_dialog.py" line="-177" />
            <location line="+1" />
            <location line="+87" />
            <source>Restore from a backup</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <location line="-85" />
            <source>Choose the backup to bring back. The data as it is now is backed up first, so a restore can itself be undone. Only backups that pass their check can be restored.</source>
            <translation>Choose the backup to bring back. The data as it is now is backed up first, so a restore can itself be undone. Only backups that pass their check can be restored.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Taken</source>
            <translation>Taken</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Made</source>
            <translation>Made</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open backup folder</source>
            <translation>Open backup folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Automatic</source>
            <translation>Automatic</translation>
        </message>
        <message>
            <location line="+0" />
            <source>On closing</source>
            <translation>On closing</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Before a merge</source>
            <translation>Before a merge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Before an import</source>
            <translation>Before an import</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Before a restore</source>
            <translation>Before a restore</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Before an update</source>
            <translation>Before an update</translation>
        </message>
        <message>
            <location line="+0" />
            <source>By hand</source>
            <translation>By hand</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Checking the backups…</source>
            <translation>Checking the backups…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>There are no backups yet.</source>
            <translation>There are no backups yet.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 backups, %2 of them pass their check.</source>
            <translation>%1 backups, %2 of them pass their check.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Verified</source>
            <translation>Verified</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Damaged</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Replace the data with the backup taken %1? The data as it is now is backed up first.</source>
            <translation>Replace the data with the backup taken %1? The data as it is now is backed up first.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Restoring the backup…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Restored from the backup taken %1.</source>
            <translation>Restored from the backup taken %1.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The data as it was before is kept in %1.</source>
            <translation>The data as it was before is kept in %1.</translation>
        </message>
    </context>
    <context>
        <name>ReturnPanel</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_return.py" line="+106" />
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of %1 recipients</source>
            <translation>of %1 recipients</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replies</source>
            <translation>Replies</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reply rate %1</source>
            <translation>reply rate %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bookings</source>
            <translation>Bookings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 clients booked (%2 of those reached)</source>
            <translation>%1 clients booked (%2 of those reached)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the amount of the orders it brought</source>
            <translation>the amount of the orders it brought</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Cost</translation>
        </message>
        <message>
            <location line="+0" />
            <source>net %1</source>
            <translation>net %1</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+2" />
            <source>Return</source>
            <translation>Return</translation>
        </message>
        <message>
            <location line="-2" />
            <source>enter the campaign's cost to see its return</source>
            <translation>enter the campaign's cost to see its return</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(revenue − cost) ÷ cost</source>
            <translation>(revenue − cost) ÷ cost</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Where the recipients stand</source>
            <translation>Where the recipients stand</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An order placed within %1 days after a client's message counts for the campaign (the latest message wins when there were several). The window is a setting of the studio's policy.</source>
            <translation>An order placed within %1 days after a client's message counts for the campaign (the latest message wins when there were several). The window is a setting of the studio's policy.</translation>
        </message>
    </context>
    <context>
        <name>SatisfactionPicker</name>
        <message>
            <location filename="../../lifecrm_gui/ui/event_widgets.py" line="-54" />
            <source>%1 of 5</source>
            <translation>%1 of 5</translation>
        </message>
    </context>
    <context>
        <name>SegmentEditor</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_segment.py" line="+208" />
            <source>Any</source>
            <translation>Any</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Word of mouth</source>
            <translation>Word of mouth</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lost because</source>
            <translation>Lost because</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client kind</source>
            <translation>Client kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend (yuan)</source>
            <translation>Spend (yuan)</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+1" />
            <location line="+4" />
            <location line="+1" />
            <location line="+2" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Days since last activity</source>
            <translation>Days since last activity</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+9" />
            <location line="+3" />
            <source>days</source>
            <translation>days</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Birthday within</source>
            <translation>Birthday within</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lunar birthday within</source>
            <translation>Lunar birthday within</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wedding anniversary within</source>
            <translation>Wedding anniversary within</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Child's milestone within</source>
            <translation>Child's milestone within</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A child aged</source>
            <translation>A child aged</translation>
        </message>
        <message>
            <location line="+0" />
            <source>years</source>
            <translation>years</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ordered</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <location line="+0" />
            <source>placed</source>
            <translation>placed</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>days ago</source>
            <translation>days ago</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Never ordered</source>
            <translation>Never ordered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Photos delivered</source>
            <translation>Photos delivered</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A referred friend booked within</source>
            <translation>A referred friend booked within</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Who they are</source>
            <translation>Who they are</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value and activity</source>
            <translation>Value and activity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Life events</source>
            <translation>Life events</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Clients this playbook reached in the last %1 days are left out.</source>
            <translation>Clients this playbook reached in the last %1 days are left out.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/settings_dialog.py" line="+177" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Studio</source>
            <translation>Studio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lifecycle</source>
            <translation>Lifecycle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value and classes</source>
            <translation>Value and classes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio name</source>
            <translation>Studio name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency</source>
            <translation>Currency</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+103" />
            <source>Second backup folder</source>
            <translation>Second backup folder</translation>
        </message>
        <message>
            <location line="-102" />
            <source>Prospect window</source>
            <translation>Prospect window</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dormant after</source>
            <translation>Dormant after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Churned after</source>
            <translation>Churned after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loyal from</source>
            <translation>Loyal from</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Campaign attribution window</source>
            <translation>Campaign attribution window</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Key clients from tier</source>
            <translation>Key clients from tier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Key clients: top share by spend</source>
            <translation>Key clients: top share by spend</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cooperative from</source>
            <translation>Cooperative from</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High influence from score</source>
            <translation>High influence from score</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High interaction from</source>
            <translation>High interaction from</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected years as a client</source>
            <translation>Expected years as a client</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A client without orders stays a prospect this long after their last contact, then counts as a lead.</source>
            <translation>A client without orders stays a prospect this long after their last contact, then counts as a lead.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A client with orders and no activity for this long is dormant.</source>
            <translation>A client with orders and no activity for this long is dormant.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>…and after this long, churned. Must be longer than the dormant window.</source>
            <translation>…and after this long, churned. Must be longer than the dormant window.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Orders that make a client loyal.</source>
            <translation>Orders that make a client loyal.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paying clients in this top share of spend are key clients (80/20).</source>
            <translation>Paying clients in this top share of spend are key clients (80/20).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Word-of-mouth influence score (0-100) counted as high.</source>
            <translation>Word-of-mouth influence score (0-100) counted as high.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client-initiated touches and orders a year counted as frequent.</source>
            <translation>Client-initiated touches and orders a year counted as frequent.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Years a client is expected to stay, for the projected lifetime value.</source>
            <translation>Years a client is expected to stay, for the projected lifetime value.</translation>
        </message>
        <message>
            <location line="+5" />
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <location line="+3" />
            <source> orders</source>
            <translation> orders</translation>
        </message>
        <message>
            <location line="+1" />
            <source> orders a year</source>
            <translation> orders a year</translation>
        </message>
        <message>
            <location line="+1" />
            <source> touches a year</source>
            <translation> touches a year</translation>
        </message>
        <message>
            <location line="+2" />
            <source> years</source>
            <translation> years</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value tiers: spend from (yuan)</source>
            <translation>Value tiers: spend from (yuan)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <location line="+4" />
            <source>None: backups stay on this computer only</source>
            <translation>None: backups stay on this computer only</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A USB stick or a network folder: every backup is copied there too. When it is not connected, the backup stays here and you are told.</source>
            <translation>A USB stick or a network folder: every backup is copied there too. When it is not connected, the backup stays here and you are told.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changing a threshold re-derives every client's stage, tier and class.</source>
            <translation>Changing a threshold re-derives every client's stage, tier and class.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The tiers need six rising amounts above zero.</source>
            <translation>The tiers need six rising amounts above zero.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The churn window must be longer than the dormant window.</source>
            <translation>The churn window must be longer than the dormant window.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loyal needs at least two orders.</source>
            <translation>Loyal needs at least two orders.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>This folder does not exist. Is the USB stick or the network folder connected?</source>
            <translation>This folder does not exist. Is the USB stick or the network folder connected?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The backups are kept in this folder already: choose another drive.</source>
            <translation>The backups are kept in this folder already: choose another drive.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This folder cannot be read.</source>
            <translation>This folder cannot be read.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Re-deriving every client with the new settings…</source>
            <translation>Re-deriving every client with the new settings…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applying settings</source>
            <translation>Applying settings</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Settings applied. Clients who moved stage: %1</source>
            <translation>Settings applied. Clients who moved stage: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancelled: the thresholds were put back as they were.</source>
            <translation>Cancelled: the thresholds were put back as they were.</translation>
        </message>
    </context>
    <context>
        <name>TagsEdit</name>
        <message>
            <location filename="../../lifecrm_gui/ui/profile_fields.py" line="+73" />
            <source>Tags, separated by commas</source>
            <translation>Tags, separated by commas</translation>
        </message>
    </context>
    <context>
        <name>TaskPanel</name>
        <message>
            <location filename="../../lifecrm_gui/ui/timeline_tab.py" line="+92" />
            <source>New follow-up, e.g. send the album proofs</source>
            <translation>New follow-up, e.g. send the album proofs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No open follow-ups.</source>
            <translation>No open follow-ups.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Due date</source>
            <translation>Due date</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Follow-ups (%1 open)</source>
            <translation>Follow-ups (%1 open)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>due %1</source>
            <translation>due %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Tick when done</source>
            <translation>Tick when done</translation>
        </message>
    </context>
    <context>
        <name>TemplateEditor</name>
        <message>
            <location filename="../../lifecrm_gui/ui/campaign_template.py" line="+139" />
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Offer</source>
            <translation>Offer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Cost</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. 10% off a family portrait</source>
            <translation>e.g. 10% off a family portrait</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the campaign cost (SMS fees, printing, gifts): its return is measured against it</source>
            <translation>What the campaign cost (SMS fees, printing, gifts): its return is measured against it</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Merge fields (click to insert; {field|words} gives the words for a missing value)</source>
            <translation>Merge fields (click to insert; {field|words} gives the words for a missing value)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location line="+1" />
            <source>As read by</source>
            <translation>As read by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy this message (to paste into WeChat)</source>
            <translation>Copy this message (to paste into WeChat)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Inserts %1; without a value: “%2”</source>
            <translation>Inserts %1; without a value: “%2”</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Unknown merge field: %1</source>
            <translation>Unknown merge field: %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The audience is empty: there is no one to preview.</source>
            <translation>The audience is empty: there is no one to preview.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 characters</source>
            <translation>%1 characters</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 SMS</source>
            <translation>%1 SMS</translation>
        </message>
    </context>
    <context>
        <name>TimelineTab</name>
        <message>
            <location filename="../../lifecrm_gui/ui/timeline_tab.py" line="+136" />
            <source>No client selected</source>
            <translation>No client selected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick a client in the list to see their timeline.</source>
            <translation>Pick a client in the list to see their timeline.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New order…</source>
            <translation>New order…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All entries</source>
            <translation>All entries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Newest first · double-click an order to edit it</source>
            <translation>Newest first · double-click an order to edit it</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing here yet: log the first touch above.</source>
            <translation>Nothing here yet: log the first touch above.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Win-back</source>
            <translation>Win-back</translation>
        </message>
        <message>
            <location line="+0" />
            <source>by staff</source>
            <translation>by staff</translation>
        </message>
        <message>
            <location line="+1" />
            <source>paid %1</source>
            <translation>paid %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>shoot %1</source>
            <translation>shoot %1</translation>
        </message>
        <message>
            <location line="+110" />
            <source>Added to the timeline</source>
            <translation>Added to the timeline</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Order cancelled</source>
            <translation>Order cancelled</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Order added</source>
            <translation>Order added</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Order saved</source>
            <translation>Order saved</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Follow-up added</source>
            <translation>Follow-up added</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Follow-up done</source>
            <translation>Follow-up done</translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message>
            <location filename="../../lifecrm_gui/ui/today_view.py" line="+270" />
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New follow-up</source>
            <translation>New follow-up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read everything again</source>
            <translation>Read everything again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow-ups due</source>
            <translation>Follow-ups due</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shoots today and tomorrow</source>
            <translation>Shoots today and tomorrow</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coming up: birthdays, anniversaries, milestones</source>
            <translation>Coming up: birthdays, anniversaries, milestones</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Playbook touches due</source>
            <translation>Playbook touches due</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Just gone dormant, worth a call</source>
            <translation>Just gone dormant, worth a call</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lined up</source>
            <translation>Lined up</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No consent</source>
            <translation>No consent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cap reached</source>
            <translation>Cap reached</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Playbook off</source>
            <translation>Playbook off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Ready for a campaign</source>
            <translation>Ready for a campaign</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Log a call</source>
            <translation>Log a call</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark done</source>
            <translation>Mark done</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the message and record it as sent</source>
            <translation>Copy the message and record it as sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start a campaign for these clients</source>
            <translation>Start a campaign for these clients</translation>
        </message>
        <message>
            <location line="+41" />
            <source>No follow-ups due. Add one for the client you are looking at with “New follow-up”.</source>
            <translation>No follow-ups due. Add one for the client you are looking at with “New follow-up”.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No shoots booked for today or tomorrow.</source>
            <translation>No shoots booked for today or tomorrow.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No birthdays, anniversaries or milestones in the coming days.</source>
            <translation>No birthdays, anniversaries or milestones in the coming days.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing due from the playbooks today.</source>
            <translation>Nothing due from the playbooks today.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nobody has gone dormant in the last 30 days.</source>
            <translation>Nobody has gone dormant in the last 30 days.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 · %2 without consent</source>
            <translation>%1 · %2 without consent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 follow-ups</source>
            <translation>%1 follow-ups</translation>
        </message>
        <message>
            <location line="+2" />
            <source> (%1 overdue)</source>
            <translation> (%1 overdue)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 shoots</source>
            <translation>%1 shoots</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 greetings to send</source>
            <translation>%1 greetings to send</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A follow-up task for the client you are looking at</source>
            <translation>A follow-up task for the client you are looking at</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a client first (in the list or here)</source>
            <translation>Choose a client first (in the list or here)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Called about: %1</source>
            <translation>Called about: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Call with %1 logged</source>
            <translation>Call with %1 logged</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Message for %1 copied and recorded as sent</source>
            <translation>Message for %1 copied and recorded as sent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Done: %1</source>
            <translation>Done: %1</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Campaign “%1” created: its recipients are on the Campaigns tab</source>
            <translation>Campaign “%1” created: its recipients are on the Campaigns tab</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <location filename="../../lifecrm_gui/ui/file_actions.py" line="-57" />
            <location line="+2" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Write clients or orders to an Excel (.xlsx) or CSV file.</source>
            <translation>Write clients or orders to an Excel (.xlsx) or CSV file.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+3" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Read clients, orders or timeline events from an Excel (.xlsx) or CSV file. Every row is checked first: if any row has a problem, nothing is written.</source>
            <translation>Read clients, orders or timeline events from an Excel (.xlsx) or CSV file. Every row is checked first: if any row has a problem, nothing is written.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only check the file, write nothing</source>
            <translation>Only check the file, write nothing</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Excel or CSV (*.xlsx *.csv)</source>
            <translation>Excel or CSV (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export to</source>
            <translation>Export to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import from</source>
            <translation>Import from</translation>
        </message>
    </context>
    <context>
        <name>Workers</name>
        <message>
            <location filename="../../lifecrm_gui/ui/workers.py" line="+112" />
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
</TS>
