<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements, visits and sources (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search agreements (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every filter and show all agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All &amp;Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every partner (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Partnership Atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementDetail</name>
    <message>
        <source>This agreement is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an agreement in the table to see its titles, sources and any conflicting values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources disagree about this agreement: see “Conflicting values” below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No summary recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit or meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian title: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English title: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakh title: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked to a visit or meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled visit or meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this visit or meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source recorded for this agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publisher not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the page in your web browser. The atlas itself never goes online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sources disagree about this agreement. Every version is listed; the preferred one is used elsewhere in the atlas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} (shown above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementsModel</name>
    <message>
        <source>Number of documents (a package holds several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{lang}] {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles and summaries in English, Russian or Kazakh (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only agreements with the chosen values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years: {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the filter “{filter}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {m} agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search “{text}” contains no words to look for. Type a word in English, Russian or Kazakh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches “{text}” together with the %n filter(s) above. Remove a filter (✕) or change the search.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No agreement has “{text}” in its titles or summaries. Word forms and the beginnings of words are matched: try fewer or shorter words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches the %n filter(s) above. Remove a filter (✕) to see more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The database holds no agreements yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Details were saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Partnership Atlas: {error}

Your data was not changed by this error. {where}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Show all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the selected event (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of {partner}: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of all partners: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(newest {shown} listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events are recorded for {partner}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} (another source: {other})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[EN]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[RU]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} {marker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start}–{end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents signed: not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 document signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} documents signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} (another source: {other})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no agreements recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 agreement recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} agreements recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>All partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} · {agreements} agreements · {events} events · {partners} partners · {sources} sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;An offline reference on Kazakhstan&apos;s agreements, trade and transport corridors with its partners.&lt;br&gt;It never connects to the network.&lt;br&gt;&lt;br&gt;Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerOverview</name>
    <message>
        <source>This partner is not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a partner to see its overview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no events recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {events}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the overview of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{language}: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level of relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} ({since})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier: {history}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diplomatic relations established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since: not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>since {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[EN]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>established {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>established: not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show fewer facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all {n} facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} — {metric}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other value: {values}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{publisher}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} (+{n} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{publisher}, {date}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
