<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementDetail</name>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message numerus="yes">
        <source>No agreement matches “{text}” together with the %n filter(s) above. Remove a filter (✕) or change the search.</source>
        <translation>
            <numerusform>No agreement matches “{text}” together with the %n filter above. Remove a filter (✕) or change the search.</numerusform>
            <numerusform>No agreement matches “{text}” together with the %n filters above. Remove a filter (✕) or change the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches the %n filter(s) above. Remove a filter (✕) to see more.</source>
        <translation>
            <numerusform>No agreement matches the %n filter above. Remove a filter (✕) to see more.</numerusform>
            <numerusform>No agreement matches the %n filters above. Remove a filter (✕) to see more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message numerus="yes">
        <source>This node is an end of %n segment(s). Delete those segments or move their ends to another node first.</source>
        <translation>
            <numerusform>This node is an end of %n segment. Delete that segment or move its end to another node first.</numerusform>
            <numerusform>This node is an end of %n segments. Delete those segments or move their ends to another node first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) (agreements, events, trade figures, targets, facts or mechanisms) belong to this partner. Delete them or give them another partner first.</source>
        <translation>
            <numerusform>%n record (an agreement, event, trade figure, target, fact or mechanism) belongs to this partner. Delete it or give it another partner first.</numerusform>
            <numerusform>%n records (agreements, events, trade figures, targets, facts or mechanisms) belong to this partner. Delete them or give them another partner first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s) were signed at this event. What should become of them?</source>
        <translation>
            <numerusform>%n agreement was signed at this event. What should become of it?</numerusform>
            <numerusform>%n agreements were signed at this event. What should become of them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) cite this source. Delete the source and remove it from them?</source>
        <translation>
            <numerusform>%n record cites this source. Delete the source and remove it from that record?</numerusform>
            <numerusform>%n records cite this source. Delete the source and remove it from them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The corridor has %n segment(s). Delete the corridor with its segments?</source>
        <translation>
            <numerusform>The corridor has %n segment. Delete the corridor with its segment?</numerusform>
            <numerusform>The corridor has %n segments. Delete the corridor with its segments?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Wrote %n record(s) to {path}.</source>
        <translation>
            <numerusform>Wrote %n record to {path}.</numerusform>
            <numerusform>Wrote %n records to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactSheetDialog</name>
    <message numerus="yes">
        <source>Saved {path} (%n page(s)).</source>
        <translation>
            <numerusform>Saved {path} (%n page).</numerusform>
            <numerusform>Saved {path} (%n pages).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s).</source>
        <translation>
            <numerusform>Wrote %n file.</numerusform>
            <numerusform>Wrote %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To update: %n record(s)</source>
        <translation>
            <numerusform>To update: %n record</numerusform>
            <numerusform>To update: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To add: %n record(s)</source>
        <translation>
            <numerusform>To add: %n record</numerusform>
            <numerusform>To add: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept as stored: %n value(s) whose letters the file&apos;s encoding cannot hold (for example {uid}, {field}: “{text}”).</source>
        <translation>
            <numerusform>Kept as stored: %n value whose letters the file&apos;s encoding cannot hold (for example {uid}, {field}: “{text}”).</numerusform>
            <numerusform>Kept as stored: %n values whose letters the file&apos;s encoding cannot hold (for example {uid}, {field}: “{text}”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n change(s) would only remove letters (for example {uid}, {field}: “{now}” → “{after}”). Was the file saved in an encoding that lacks them?</source>
        <translation>
            <numerusform>Warning: %n change would only remove letters (for example {uid}, {field}: “{now}” → “{after}”). Was the file saved in an encoding that lacks them?</numerusform>
            <numerusform>Warning: %n changes would only remove letters (for example {uid}, {field}: “{now}” → “{after}”). Was the file saved in an encoding that lacks them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerOverview</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message numerus="yes">
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>%n field needs attention.</numerusform>
            <numerusform>%n fields need attention.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <source>Conflicts… (%n)</source>
        <translation>
            <numerusform>Conflicts… (%n)</numerusform>
            <numerusform>Conflicts… (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Before it stopped, the sync had received %n change(s)</source>
        <translation>
            <numerusform>Before it stopped, the sync had received %n change</numerusform>
            <numerusform>Before it stopped, the sync had received %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and sent %n record(s).</source>
        <translation>
            <numerusform>and sent %n record.</numerusform>
            <numerusform>and sent %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s) from the team.</source>
        <translation>
            <numerusform>Received %n change from the team.</numerusform>
            <numerusform>Received %n changes from the team.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n record(s).</source>
        <translation>
            <numerusform>Sent %n record.</numerusform>
            <numerusform>Sent %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed here and on the server: nothing was overwritten. Open Conflicts… to choose.</source>
        <translation>
            <numerusform>%n record was changed here and on the server: nothing was overwritten. Open Conflicts… to choose.</numerusform>
            <numerusform>%n records were changed here and on the server: nothing was overwritten. Open Conflicts… to choose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your choice.</source>
        <translation>
            <numerusform>%n conflict waits for your choice.</numerusform>
            <numerusform>%n conflicts wait for your choice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change set(s) wait until the conflicts are settled.</source>
        <translation>
            <numerusform>%n change set waits until the conflicts are settled.</numerusform>
            <numerusform>%n change sets wait until the conflicts are settled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary change(s) stay here: only curators may send them.</source>
        <translation>
            <numerusform>%n vocabulary change stays here: only curators may send it.</numerusform>
            <numerusform>%n vocabulary changes stay here: only curators may send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from the server could not be written here.</source>
        <translation>
            <numerusform>%n record from the server could not be written here.</numerusform>
            <numerusform>%n records from the server could not be written here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you deleted came back: records on the team server still need them.</source>
        <translation>
            <numerusform>%n record you deleted came back: records on the team server still need it.</numerusform>
            <numerusform>%n records you deleted came back: records on the team server still need them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you sent referred to records a teammate had just deleted: the server removed those links, as deleting them here would have.</source>
        <translation>
            <numerusform>%n record you sent referred to records a teammate had just deleted: the server removed those links, as deleting them here would have.</numerusform>
            <numerusform>%n records you sent referred to records a teammate had just deleted: the server removed those links, as deleting them here would have.</numerusform>
        </translation>
    </message>
</context>
</TS>
