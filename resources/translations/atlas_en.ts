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
    <name>PartnerOverview</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
</TS>
