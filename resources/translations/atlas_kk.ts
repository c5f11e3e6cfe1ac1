<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Өңдеу</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорттау…</translation>
    </message>
    <message>
        <source>Add or update records from a CSV, Excel, JSON or UN Comtrade file (Ctrl+I)</source>
        <translation>CSV, Excel, JSON немесе UN Comtrade файлынан жазбаларды қосу не жаңарту (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорттау…</translation>
    </message>
    <message>
        <source>Save records as CSV, Excel, JSON or GeoJSON (Ctrl+Shift+S)</source>
        <translation>Жазбаларды CSV, Excel, JSON немесе GeoJSON пішімінде сақтау (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Import &amp;Template…</source>
        <translation>Импорт &amp;үлгісі…</translation>
    </message>
    <message>
        <source>Save an empty Excel workbook to fill for an import, with its columns described and lists of the values allowed</source>
        <translation>Импорт үшін толтырылатын бос Excel кітабын сақтау: бағандардың сипаттамасымен және рұқсат етілген мәндер тізімдерімен</translation>
    </message>
    <message>
        <source>&amp;Fact Sheet…</source>
        <translation>Анықтама &amp;парақ…</translation>
    </message>
    <message>
        <source>Print or save a partner&apos;s fact sheet in English or Russian (Ctrl+P)</source>
        <translation>Серіктес туралы анықтама парақты ағылшын немесе орыс тілінде басып шығару не сақтау (Ctrl+P)</translation>
    </message>
    <message>
        <source>S&amp;ync with Team Server…</source>
        <translation>Топ серверімен сә&amp;йкестендіру…</translation>
    </message>
    <message>
        <source>Send your changes to the team server and receive the team&apos;s (Ctrl+Shift+Y)</source>
        <translation>Өз өзгерістеріңізді топ серверіне жіберу және әріптестердікін алу (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>Дерекқордың &amp;сақтық көшірмесін жасау…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>Сақтық көшірмеден &amp;қалпына келтіру…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>&amp;New Agreement…</source>
        <translation>Жаңа &amp;келісім…</translation>
    </message>
    <message>
        <source>Add an agreement (Ctrl+N)</source>
        <translation>Келісім қосу (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit Selected…</source>
        <translation>Таңдалғанды &amp;өңдеу…</translation>
    </message>
    <message>
        <source>Change the selected agreement, event, node, corridor or partner</source>
        <translation>Таңдалған келісімді, оқиғаны, пунктті, дәлізді немесе серіктесті өзгерту</translation>
    </message>
    <message>
        <source>&amp;Delete Selected</source>
        <translation>Таңдалғанды &amp;жою</translation>
    </message>
    <message>
        <source>Delete the selected record (Ctrl+Z brings it back)</source>
        <translation>Таңдалған жазбаны жою (Ctrl+Z оны қайтарады)</translation>
    </message>
    <message>
        <source>&amp;History of Selected…</source>
        <translation>Таңдалғанның &amp;тарихы…</translation>
    </message>
    <message>
        <source>&amp;Records…</source>
        <translation>Ж&amp;азбалар…</translation>
    </message>
    <message>
        <source>Add, change and delete records of any kind (Ctrl+Shift+E)</source>
        <translation>Кез келген түрдегі жазбаларды қосу, өзгерту және жою (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Келісімдер</translation>
    </message>
    <message>
        <source>Agreements, visits and sources (Ctrl+1)</source>
        <translation>Келісімдер, сапарлар және дереккөздер (Ctrl+1)</translation>
    </message>
    <message>
        <source>&amp;Corridor Map</source>
        <translation>&amp;Дәліздер картасы</translation>
    </message>
    <message>
        <source>Transport corridors, ports and border crossings (Ctrl+2)</source>
        <translation>Көлік дәліздері, порттар және шекара өткізу пункттері (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>&amp;Сауда</translation>
    </message>
    <message>
        <source>Trade turnover, exports, imports and targets (Ctrl+3)</source>
        <translation>Тауар айналымы, экспорт, импорт және межелер (Ctrl+3)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Іздеу…</translation>
    </message>
    <message>
        <source>Find any record: agreements, events, places, facts, trade, sources (Ctrl+F)</source>
        <translation>Кез келген жазбаны іздеу: келісімдер, оқиғалар, пункттер, фактілер, сауда, дереккөздер (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>Сүзгілерді &amp;тазарту</translation>
    </message>
    <message>
        <source>Remove every filter and show all agreements</source>
        <translation>Барлық сүзгіні алып тастап, барлық келісімді көрсету</translation>
    </message>
    <message>
        <source>All &amp;Partners</source>
        <translation>&amp;Барлық серіктестер</translation>
    </message>
    <message>
        <source>Show every partner (Ctrl+0)</source>
        <translation>Барлық серіктесті көрсету (Ctrl+0)</translation>
    </message>
    <message>
        <source>&amp;About Partnership Atlas</source>
        <translation>Partnership Atlas &amp;туралы</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Негізгі құралдар тақтасы</translation>
    </message>
</context>
<context>
    <name>AgreementDetail</name>
    <message>
        <source>This agreement is no longer in the database.</source>
        <translation>Бұл келісім дерекқорда енді жоқ.</translation>
    </message>
    <message>
        <source>Select an agreement in the table to see its titles, sources and any conflicting values.</source>
        <translation>Келісімнің атауларын, дереккөздерін және деректердегі алшақтықтарды көру үшін оны кестеден таңдаңыз.</translation>
    </message>
    <message>
        <source>Sources disagree about this agreement: see “Conflicting values” below.</source>
        <translation>Бұл келісім туралы дереккөздердің мәліметтері әртүрлі: төмендегі «Деректердегі алшақтық» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша мазмұны</translation>
    </message>
    <message>
        <source>No summary recorded.</source>
        <translation>Қысқаша мазмұны көрсетілмеген.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Мәліметтер</translation>
    </message>
    <message>
        <source>Visit or meeting</source>
        <translation>Сапар немесе кездесу</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Unofficial translation: the title was published only in another language (below).</source>
        <translation>Ресми емес аударма: атауы тек басқа тілде жарияланған (төменде).</translation>
    </message>
    <message>
        <source>Russian title: {title}</source>
        <translation>Орысша атауы: {title}</translation>
    </message>
    <message>
        <source>English title: {title}</source>
        <translation>Ағылшынша атауы: {title}</translation>
    </message>
    <message>
        <source>Kazakh title: {title}</source>
        <translation>Қазақша атауы: {title}</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Қол қойылды</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Серіктестер</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Құжат түрі</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Деңгейі</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Салалар</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n құжат</numerusform>
            <numerusform>%n құжат</numerusform>
        </translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>Not linked to a visit or meeting.</source>
        <translation>Сапармен немесе кездесумен байланыстырылмаған.</translation>
    </message>
    <message>
        <source>Untitled visit or meeting</source>
        <translation>Атаусыз сапар немесе кездесу</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>күні белгісіз</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>place unknown</source>
        <translation>өткізілген жері белгісіз</translation>
    </message>
    <message>
        <source>Show this visit or meeting</source>
        <translation>Осы сапарды немесе кездесуді көрсету</translation>
    </message>
    <message>
        <source>No source recorded for this agreement</source>
        <translation>Бұл келісімнің дереккөзі көрсетілмеген</translation>
    </message>
    <message>
        <source>publisher not recorded</source>
        <translation>жариялаушысы көрсетілмеген</translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation>жарияланған күні: {date}</translation>
    </message>
    <message>
        <source>Untitled source</source>
        <translation>Атаусыз дереккөз</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Сілтемені көшіру</translation>
    </message>
    <message>
        <source>Open in browser…</source>
        <translation>Браузерде ашу…</translation>
    </message>
    <message>
        <source>Opens the page in your web browser. The atlas itself never goes online.</source>
        <translation>Бетті веб-браузерде ашады. Атластың өзі интернетке ешқашан қосылмайды.</translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation>Деректердегі алшақтық</translation>
    </message>
    <message>
        <source>The sources disagree about this agreement. Every version is listed; the preferred one is used elsewhere in the atlas.</source>
        <translation>Бұл келісім туралы дереккөздердің мәліметтері әртүрлі. Барлық нұсқа төменде берілген; атластың басқа бөлімдерінде таңдаулы нұсқа қолданылады.</translation>
    </message>
    <message>
        <source>★ preferred</source>
        <translation>★ таңдаулы</translation>
    </message>
    <message>
        <source>Alternative version</source>
        <translation>Балама нұсқа</translation>
    </message>
    <message>
        <source>{mark} (shown above)</source>
        <translation>{mark} (жоғарыда көрсетілген)</translation>
    </message>
    <message>
        <source>Signed: {date}</source>
        <translation>Қол қойылған күні: {date}</translation>
    </message>
    <message>
        <source>Type: {type}</source>
        <translation>Түрі: {type}</translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation>Құжаттар саны: {n}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Атаусыз</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Себебі: {reason}</translation>
    </message>
</context>
<context>
    <name>AgreementsModel</name>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>[{lang}] {title}</source>
        <translation>[{lang}] {title}</translation>
    </message>
    <message>
        <source>≈ {title} (unofficial translation)</source>
        <translation>≈ {title} (ресми емес аударма)</translation>
    </message>
    <message>
        <source>Number of documents (a package holds several)</source>
        <translation>Құжаттар саны (пакетте бірнеше құжат болады)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Серіктес</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Деңгейі</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Салалар</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>Құжат</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>not recorded</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Деңгейі</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Саласы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Filter agreements: titles and summaries in English, Russian or Kazakh</source>
        <translation>Келісімдерді сүзу: ағылшын, орыс немесе қазақ тіліндегі атаулары мен қысқаша мазмұны бойынша</translation>
    </message>
    <message>
        <source>Show only agreements with the chosen values</source>
        <translation>Тек таңдалған мәндері бар келісімдерді көрсету</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>Жылдар:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>бәрі</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сүзгілерді тазарту</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Іздеу…</translation>
    </message>
    <message>
        <source>Years swapped: {first}–{last}</source>
        <translation>Жылдар орны ауыстырылды: {first}–{last}</translation>
    </message>
    <message>
        <source>Partner: {name}</source>
        <translation>Серіктес: {name}</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>Оқиға: {title}</translation>
    </message>
    <message>
        <source>Corridor: {name}</source>
        <translation>Дәліз: {name}</translation>
    </message>
    <message>
        <source>Place: {name}</source>
        <translation>Пункт: {name}</translation>
    </message>
    <message>
        <source>Years: {first}–{last}</source>
        <translation>Жылдар: {first}–{last}</translation>
    </message>
    <message>
        <source>Remove the filter “{filter}”</source>
        <translation>«{filter}» сүзгісін алып тастау</translation>
    </message>
    <message>
        <source>{n} of {m} agreements</source>
        <translation>{n} / {m} келісім</translation>
    </message>
    <message>
        <source>(+{n} other sources&apos; versions)</source>
        <translation>(+{n} басқа дереккөз нұсқасы)</translation>
    </message>
    <message>
        <source>The search “{text}” contains no words to look for. Type a word in English, Russian or Kazakh.</source>
        <translation>«{text}» сұрауында іздейтін сөз жоқ. Ағылшын, орыс немесе қазақ тілінде сөз енгізіңіз.</translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches “{text}” together with the %n filter(s) above. Remove a filter (✕) or change the search.</source>
        <translation>
            <numerusform>Жоғарыдағы %n сүзгімен бірге «{text}» сұрауына сәйкес келетін келісім жоқ. Сүзгінің бірін алып тастаңыз (✕) немесе сұрауды өзгертіңіз.</numerusform>
            <numerusform>Жоғарыдағы %n сүзгімен бірге «{text}» сұрауына сәйкес келетін келісім жоқ. Сүзгінің бірін алып тастаңыз (✕) немесе сұрауды өзгертіңіз.</numerusform>
        </translation>
    </message>
    <message>
        <source>No agreement has “{text}” in its titles or summaries. Word forms and the beginnings of words are matched: try fewer or shorter words.</source>
        <translation>Келісімдердің атауларында да, қысқаша мазмұнында да «{text}» жоқ. Сөз формалары мен сөздердің басы ескеріледі: азырақ немесе қысқарақ сөз енгізіп көріңіз.</translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches the %n filter(s) above. Remove a filter (✕) to see more.</source>
        <translation>
            <numerusform>Жоғарыдағы %n сүзгіге сәйкес келетін келісім жоқ. Көбірек көру үшін сүзгінің бірін алып тастаңыз (✕).</numerusform>
            <numerusform>Жоғарыдағы %n сүзгіге сәйкес келетін келісім жоқ. Көбірек көру үшін сүзгінің бірін алып тастаңыз (✕).</numerusform>
        </translation>
    </message>
    <message>
        <source>The database holds no agreements yet.</source>
        <translation>Дерекқорда әзірге келісім жоқ.</translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation>Іздеу сәтсіз аяқталды: {message}</translation>
    </message>
</context>
<context>
    <name>CitingRecords</name>
    <message>
        <source>Records citing a source</source>
        <translation>Дереккөзге сілтеме жасайтын жазбалар</translation>
    </message>
    <message>
        <source>No record cites this source.</source>
        <translation>Бұл дереккөзге бірде-бір жазба сілтеме жасамайды.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync Conflicts</source>
        <translation>Сәйкестендіру қайшылықтары</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Менікін қалдыру</translation>
    </message>
    <message>
        <source>Take the Server&apos;s</source>
        <translation>Сервердегісін алу</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Екеуін де қалдыру</translation>
    </message>
    <message>
        <source>Use the Choices Above</source>
        <translation>Жоғарыдағы таңдауды қолдану</translation>
    </message>
    <message>
        <source>Keep the server&apos;s record and this laptop&apos;s values as a second record, the two in a conflict group with this laptop&apos;s preferred</source>
        <translation>Сервердегі жазбаны қалдырып, осы ноутбуктің мәндерін екінші жазба ету; екеуі алшақтық тобында, осы ноутбуктікі басым</translation>
    </message>
    <message>
        <source>{kind} “{name}”: changed by {who}, {when}</source>
        <translation>{kind} «{name}»: өзгерткен {who}, {when}</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>біреу</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>уақыты белгісіз</translation>
    </message>
    <message>
        <source>No conflicts wait for your choice.</source>
        <translation>Таңдауыңызды күтіп тұрған қайшылық жоқ.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Осы ноутбук</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Топ сервері</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Қалдыру</translation>
    </message>
    <message>
        <source>On the server: changed by {who}, {when}.</source>
        <translation>Серверде: өзгерткен {who}, {when}.</translation>
    </message>
    <message>
        <source>You deleted this record here; on the server it was changed.</source>
        <translation>Мұнда бұл жазбаны өшірдіңіз, ал серверде ол өзгертілді.</translation>
    </message>
    <message>
        <source>You changed this record here; on the server it was deleted.</source>
        <translation>Мұнда бұл жазбаны өзгерттіңіз, ал серверде ол өшірілді.</translation>
    </message>
    <message>
        <source>Changed here and on the server since the version both had. The sources cited are among the fields. Nothing is overwritten until you choose.</source>
        <translation>Ортақ нұсқадан кейін мұнда да, серверде де өзгертілді. Дереккөздер өрістер арасында. Сіз таңдамайынша ештеңе қайта жазылмайды.</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(өшірілген)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Менікі</translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation>Сервердегі</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Пункттер</translation>
    </message>
    <message>
        <source>Conflict groups</source>
        <translation>Алшақтық топтары</translation>
    </message>
    <message>
        <source>{uid} (not in this database)</source>
        <translation>{uid} (бұл дерекқорда жоқ)</translation>
    </message>
    <message>
        <source>The choice could not be written: {reason}</source>
        <translation>Таңдауды жазу мүмкін болмады: {reason}</translation>
    </message>
    <message>
        <source>Conflict settled; the next sync sends the result.</source>
        <translation>Қайшылық шешілді; келесі сәйкестендіру нәтижені жібереді.</translation>
    </message>
</context>
<context>
    <name>CorridorMapView</name>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Бәрін көрсету</translation>
    </message>
    <message>
        <source>Fit selection</source>
        <translation>Таңдалғанды көрсету</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Show the whole region ({keys})</source>
        <translation>Бүкіл өңірді көрсету ({keys})</translation>
    </message>
    <message>
        <source>Show the selected node, corridor or partner ({keys})</source>
        <translation>Таңдалған пунктті, дәлізді немесе серіктесті көрсету ({keys})</translation>
    </message>
    <message>
        <source>Zoom in ({keys} or the mouse wheel)</source>
        <translation>Үлкейту ({keys} немесе тінтуір дөңгелегі)</translation>
    </message>
    <message>
        <source>Zoom out ({keys} or the mouse wheel)</source>
        <translation>Кішірейту ({keys} немесе тінтуір дөңгелегі)</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>Дәліздер</translation>
    </message>
    <message>
        <source>Show or hide each corridor</source>
        <translation>Әр дәлізді көрсету немесе жасыру</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Көлік түрлері</translation>
    </message>
    <message>
        <source>Show or hide rail, road, sea and pipeline</source>
        <translation>Темір жол, автомобиль жолы, теңіз және құбыр желілерін көрсету немесе жасыру</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Мәртебелер</translation>
    </message>
    <message>
        <source>Show or hide operating, planned and other segments</source>
        <translation>Жұмыс істеп тұрған, жоспарланған және басқа учаскелерді көрсету немесе жасыру</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the map as it is shown as a PNG image</source>
        <translation>Картаны қазіргі көрінісінде PNG суреті ретінде сақтау</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the map as it is shown as an SVG drawing</source>
        <translation>Картаны қазіргі көрінісінде SVG векторлық суреті ретінде сақтау</translation>
    </message>
    <message>
        <source>Basemap: {source} (public domain). Drag to move, wheel or +/− to zoom, click a node or a line to select it.</source>
        <translation>Карта негізі: {source} (қоғамдық игілік). Картаны тышқанмен жылжытыңыз, масштаб — дөңгелекпен немесе +/−, пунктті не сызықты шерту оны таңдайды.</translation>
    </message>
    <message>
        <source>Basemap: {source}. Drag to move, wheel or +/− to zoom, click a node or a line to select it.</source>
        <translation>Карта негізі: {source}. Жылжыту үшін тінтуірмен сүйреңіз, масштабты дөңгелекпен немесе +/− арқылы өзгертіңіз, таңдау үшін пунктті не сызықты басыңыз.</translation>
    </message>
    <message>
        <source>Route recorded: through the places it passes</source>
        <translation>Бағыты тіркелген: өтетін пункттері арқылы</translation>
    </message>
    <message>
        <source>Route not recorded: a thin line joining the ends</source>
        <translation>Бағыт тіркелмеген: екі ұшын қосатын жіңішке сызық</translation>
    </message>
    <message>
        <source>≈ Approximate position (nearest town)</source>
        <translation>≈ Шамамен алынған орын (ең жақын елді мекен)</translation>
    </message>
    <message>
        <source>Mode (colour)</source>
        <translation>Көлік түрі (түс)</translation>
    </message>
    <message>
        <source>Status (line)</source>
        <translation>Мәртебесі (сызық)</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Бағыт</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>Карта негізі</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Қазақстан</translation>
    </message>
    <message>
        <source>Selected partner</source>
        <translation>Таңдалған серіктес</translation>
    </message>
    <message>
        <source>Seas and lakes (rivers are not drawn)</source>
        <translation>Теңіздер мен көлдер (өзендер көрсетілмеген)</translation>
    </message>
    <message>
        <source>Beyond the basemap</source>
        <translation>Карта негізінен тыс</translation>
    </message>
    <message>
        <source>Position unknown ({n})</source>
        <translation>Орны белгісіз ({n})</translation>
    </message>
    <message>
        <source>No reliable coordinates are recorded for this place, so it is not drawn.</source>
        <translation>Бұл пункттің сенімді координаттары тіркелмеген, сондықтан ол картаға түсірілмеген.</translation>
    </message>
    <message>
        <source>{route} ({mode}, {status}): an end has no position; drawn within one thin line through it</source>
        <translation>{route} ({mode}, {status}): бір ұшының орны белгісіз; ол арқылы өтетін бір жіңішке сызықтың құрамында көрсетілген</translation>
    </message>
    <message>
        <source>{route} ({mode}, {status}): an end has no position</source>
        <translation>{route} ({mode}, {status}): бір ұшының орны белгісіз</translation>
    </message>
    <message>
        <source>Drawn as one thin line: it passes places whose position is unknown ({places}), listed beside the map. The route is not recorded.</source>
        <translation>Бір жіңішке сызықпен көрсетілген: ол орны белгісіз пункттер ({places}) арқылы өтеді, олардың тізімі картаның жанында берілген. Бағыт тіркелмеген.</translation>
    </message>
    <message>
        <source>No source recorded.</source>
        <translation>Дереккөз көрсетілмеген.</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>күні көрсетілмеген</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>және тағы {n}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>≈ Approximate position, taken from: {origin}</source>
        <translation>≈ Шамамен алынған орын, қайдан алынғаны: {origin}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} км</translation>
    </message>
    <message>
        <source>length not recorded</source>
        <translation>ұзындығы көрсетілмеген</translation>
    </message>
    <message>
        <source>Route via: {places}</source>
        <translation>Бағыт: {places} арқылы</translation>
    </message>
    <message>
        <source>Route not recorded: the line joins the ends, bent only to stay on water (not a sailing route).</source>
        <translation>Бағыт тіркелмеген: сызық екі ұшын қосады және тек су бетінде болу үшін иілген (бұл кеме жүзетін жол емес).</translation>
    </message>
    <message>
        <source>Route not recorded: the line only joins the ends.</source>
        <translation>Бағыт тіркелмеген: сызық тек екі ұшын қосады.</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>суретті жазу мүмкін болмады</translation>
    </message>
    <message>
        <source>Transport corridors</source>
        <translation>Көлік дәліздері</translation>
    </message>
    <message>
        <source>the drawing could not be written</source>
        <translation>векторлық суретті жазу мүмкін болмады</translation>
    </message>
    <message>
        <source>The map could not be saved to {path}: {error}</source>
        <translation>Картаны {path} файлына сақтау мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>Save the map as PNG</source>
        <translation>Картаны PNG ретінде сақтау</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG суреттері (*.png)</translation>
    </message>
    <message>
        <source>Save the map as SVG</source>
        <translation>Картаны SVG ретінде сақтау</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG суреттері (*.svg)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Details were saved to {path}.</source>
        <translation>Толық мәліметтер {path} файлына сақталды.</translation>
    </message>
    <message>
        <source>The details could not be saved.</source>
        <translation>Толық мәліметтерді сақтау мүмкін болмады.</translation>
    </message>
    <message>
        <source>Something went wrong inside Partnership Atlas: {error}

Your data was not changed by this error. {where}</source>
        <translation>Partnership Atlas жұмысында қате пайда болды: {error}

Бұл қате деректеріңізді өзгертпеді. {where}</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>Your earlier change “{kept}” is kept until you choose what to do about the changed database file, and only one change can be kept: this change (“{change}”) was not saved. Choose “Save to a new file…” or “Reopen” first, then make it again.</source>
        <translation>Өзгерген дерекқор файлымен не істейтініңізді таңдағанша, бұрынғы «{kept}» өзгерісіңіз жадта тұрады, ал жадта тек бір өзгеріс қала алады: бұл өзгеріс («{change}») сақталмады. Алдымен «Жаңа файлға сақтау…» немесе «Қайта ашу» батырмасын басыңыз, содан кейін оны қайталаңыз.</translation>
    </message>
    <message>
        <source>This database is open read-only: the change was not saved.</source>
        <translation>Бұл дерекқор тек оқу үшін ашылған: өзгеріс сақталмады.</translation>
    </message>
    <message>
        <source>Undoing “{label}”…</source>
        <translation>«{label}» болдырылмауда…</translation>
    </message>
    <message>
        <source>Redoing “{label}”…</source>
        <translation>«{label}» қайталануда…</translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be undone or redone.</source>
        <translation>Бұл дерекқор тек оқу үшін ашылған: әрекеттерді кері қайтару немесе қайталау мүмкін емес.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Delete the {kind} with the number {id}?</source>
        <translation>{id} нөмірлі жазбаны ({kind}) жою керек пе?</translation>
    </message>
    <message>
        <source>Delete the {kind} “{title}” ({date})?</source>
        <translation>«{title}» ({date}) жазбасын ({kind}) жою керек пе?</translation>
    </message>
    <message>
        <source>Delete the {kind} “{title}”?</source>
        <translation>«{title}» жазбасын ({kind}) жою керек пе?</translation>
    </message>
    <message>
        <source>“{title}” was not deleted.</source>
        <translation>«{title}» жойылмады.</translation>
    </message>
    <message numerus="yes">
        <source>This node is an end of %n segment(s). Delete those segments or move their ends to another node first.</source>
        <translation>
            <numerusform>Бұл пункт — %n учаскенің ұшы. Алдымен сол учаскелерді жойыңыз немесе олардың ұштарын басқа пунктке ауыстырыңыз.</numerusform>
            <numerusform>Бұл пункт — %n учаскенің ұшы. Алдымен сол учаскелерді жойыңыз немесе олардың ұштарын басқа пунктке ауыстырыңыз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) (agreements, events, trade figures, targets, facts or mechanisms) belong to this partner. Delete them or give them another partner first.</source>
        <translation>
            <numerusform>Бұл серіктеске %n жазба (келісімдер, оқиғалар, сауда көрсеткіштері, межелер, фактілер немесе тетіктер) тиесілі. Алдымен оларды жойыңыз немесе оларға басқа серіктес көрсетіңіз.</numerusform>
            <numerusform>Бұл серіктеске %n жазба (келісімдер, оқиғалар, сауда көрсеткіштері, межелер, фактілер немесе тетіктер) тиесілі. Алдымен оларды жойыңыз немесе оларға басқа серіктес көрсетіңіз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s) were signed at this event. What should become of them?</source>
        <translation>
            <numerusform>Бұл оқиға барысында %n келісімге қол қойылды. Олармен не істеу керек?</numerusform>
            <numerusform>Бұл оқиға барысында %n келісімге қол қойылды. Олармен не істеу керек?</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them, without the event</source>
        <translation>Оқиғасыз қалдыру</translation>
    </message>
    <message>
        <source>Delete them too</source>
        <translation>Оларды да жою</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) cite this source. Delete the source and remove it from them?</source>
        <translation>
            <numerusform>Бұл дереккөзге %n жазба сілтеме жасайды. Дереккөзді жойып, оны жазбалардан алып тастау керек пе?</numerusform>
            <numerusform>Бұл дереккөзге %n жазба сілтеме жасайды. Дереккөзді жойып, оны жазбалардан алып тастау керек пе?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The corridor has %n segment(s). Delete the corridor with its segments?</source>
        <translation>
            <numerusform>Дәлізде %n учаске бар. Дәлізді учаскелерімен бірге жою керек пе?</numerusform>
            <numerusform>Дәлізде %n учаске бар. Дәлізді учаскелерімен бірге жою керек пе?</numerusform>
        </translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Өңдеу</translation>
    </message>
    <message>
        <source>The database file {path} was deleted while this window had it open.</source>
        <translation>{path} дерекқор файлы осы терезеде ашық тұрғанда жойылды.</translation>
    </message>
    <message>
        <source>The database file {path} was moved or renamed while this window had it open.</source>
        <translation>{path} дерекқор файлы осы терезеде ашық тұрғанда басқа жерге жылжытылды немесе қайта аталды.</translation>
    </message>
    <message>
        <source>The database file {path} was deleted or moved while this window had it open.</source>
        <translation>{path} дерекқор файлы осы терезеде ашық тұрғанда жойылды немесе басқа жерге жылжытылды.</translation>
    </message>
    <message>
        <source>The database file {path} was replaced by another file while this window had it open.</source>
        <translation>{path} дерекқор файлы осы терезеде ашық тұрғанда басқа файлмен ауыстырылды.</translation>
    </message>
    <message>
        <source>Nothing was written to either file. Editing is off until you choose what to do.</source>
        <translation>Екі файлдың ешқайсысына ештеңе жазылмады. Не істейтініңізді таңдағанша өңдеу өшірулі.</translation>
    </message>
    <message>
        <source>Your change “{change}” was not saved; it is kept.</source>
        <translation>«{change}» өзгерісіңіз сақталмады; ол жадта тұр.</translation>
    </message>
    <message>
        <source>“Save to a new file…” writes everything this window shows to a file you choose, then goes on working there (your kept change is saved there too).</source>
        <translation>«Жаңа файлға сақтау…» осы терезеде көрсетілгеннің бәрін өзіңіз таңдаған файлға жазады да, жұмысты сол файлда жалғастырады (жадтағы өзгерісіңіз де сонда сақталады).</translation>
    </message>
    <message>
        <source>“Save to a new file…” writes everything this window shows to a file you choose, then goes on working there.</source>
        <translation>«Жаңа файлға сақтау…» осы терезеде көрсетілгеннің бәрін өзіңіз таңдаған файлға жазады да, жұмысты сол файлда жалғастырады.</translation>
    </message>
    <message>
        <source>“Reopen” opens the file now at {path} instead; what this window shows is kept in a backup first.</source>
        <translation>«Қайта ашу» оның орнына қазір {path} жолында тұрған файлды ашады; бұған дейін осы терезеде көрсетілгеннің бәрі сақтық көшірмеге сақталады.</translation>
    </message>
    <message>
        <source>Your change “{change}” is kept.</source>
        <translation>«{change}» өзгерісіңіз жадта тұр.</translation>
    </message>
    <message>
        <source>Editing is off.</source>
        <translation>Өңдеу өшірулі.</translation>
    </message>
    <message>
        <source>The copy could not be written to {path} ({error}). Nothing was changed; choose another place.</source>
        <translation>Көшірмені {path} жолына жазу мүмкін болмады ({error}). Ештеңе өзгертілмеді; басқа орынды таңдаңыз.</translation>
    </message>
    <message>
        <source>What this window shows could not be backed up before reopening ({error}), so nothing was changed. Save it to a new file instead.</source>
        <translation>Қайта ашар алдында осы терезеде көрсетілгеннің сақтық көшірмесін жасау мүмкін болмады ({error}), сондықтан ештеңе өзгертілмеді. Оның орнына деректерді жаңа файлға сақтаңыз.</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error} This window now shows what it showed before, read-only, from the copy {copy}. Choose “Save to a new file…” to go on editing.</source>
        <translation>{path} ашылмады: {error} Терезе енді бұрынғы деректерді {copy} көшірмесінен тек оқу үшін көрсетеді. Өңдеуді жалғастыру үшін «Жаңа файлға сақтау…» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error}</source>
        <translation>{path} ашылмады: {error}</translation>
    </message>
    <message>
        <source>Apply your unsaved change “{change}” to {file}?</source>
        <translation>Сақталмаған «{change}» өзгерісіңізді {file} файлына қолдану керек пе?</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Қолдану</translation>
    </message>
    <message>
        <source>Your unsaved change “{change}” was discarded.</source>
        <translation>Сақталмаған «{change}» өзгерісіңіз алып тасталды.</translation>
    </message>
    <message>
        <source>Your unsaved change “{change}” does not fit {file} (its records differ from those it was made on), so it was discarded.</source>
        <translation>Сақталмаған «{change}» өзгерісіңіз {file} файлына сәйкес келмейді (ондағы жазбалар өзгеріс жасалған жазбалардан өзгеше), сондықтан ол алып тасталды.</translation>
    </message>
    <message>
        <source>Your change “{change}” was not saved: the database file changed while it was open. Close the window and lose the change?</source>
        <translation>«{change}» өзгерісіңіз сақталмады: дерекқор файлы ашық тұрғанда өзгерді. Терезені жауып, өзгерістен бас тарту керек пе?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Сақтамай жабу</translation>
    </message>
    <message>
        <source>The database file changed</source>
        <translation>Дерекқор файлы өзгерді</translation>
    </message>
    <message>
        <source>Save to a new file…</source>
        <translation>Жаңа файлға сақтау…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Қайта ашу</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Қазір емес</translation>
    </message>
    <message>
        <source>Save to a new file</source>
        <translation>Жаңа файлға сақтау</translation>
    </message>
    <message>
        <source>Databases (*.sqlite)</source>
        <translation>Дерекқорлар (*.sqlite)</translation>
    </message>
    <message>
        <source>The record was changed elsewhere since this edit was prepared, so nothing was changed. Reopen it and try again.</source>
        <translation>Бұл түзету дайындалғаннан бері жазба басқа жерде өзгертілді, сондықтан ештеңе өзгертілмеді. Жазбаны қайта ашып, әрекетті қайталаңыз.</translation>
    </message>
    <message>
        <source>The database is busy (another program is writing to it). Nothing was changed; try again in a moment.</source>
        <translation>Дерекқор бос емес (оған басқа бағдарлама жазып жатыр). Ештеңе өзгертілмеді; біраздан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The disk is full or cannot be written. Nothing was changed.</source>
        <translation>Диск толы немесе оған жазу мүмкін емес. Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <source>The database refused the change ({error}). Nothing was changed.</source>
        <translation>Дерекқор өзгерісті қабылдамады ({error}). Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <source>The change could not be saved: {error}. Nothing was changed.</source>
        <translation>Өзгерісті сақтау мүмкін болмады: {error}. Ештеңе өзгертілмеді.</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Show all events</source>
        <translation>Барлық оқиғалар</translation>
    </message>
    <message>
        <source>Clear the selected event (Esc)</source>
        <translation>Оқиға таңдауын алып тастау (Esc)</translation>
    </message>
    <message>
        <source>Events of {partner} linked to {place}: {n}</source>
        <translation>«{place}» пунктіне қатысты оқиғалар ({partner}): {n}</translation>
    </message>
    <message>
        <source>Events linked to {place}: {n}</source>
        <translation>«{place}» пунктіне қатысты оқиғалар: {n}</translation>
    </message>
    <message>
        <source>Events of {partner}: {n}</source>
        <translation>{partner} бойынша оқиғалар: {n}</translation>
    </message>
    <message>
        <source>Events of all partners: {n}</source>
        <translation>Барлық серіктестердің оқиғалары: {n}</translation>
    </message>
    <message>
        <source>(+{n} other sources&apos; versions)</source>
        <translation>(+{n} басқа дереккөз нұсқасы)</translation>
    </message>
    <message>
        <source>No recorded event is linked to {place}.</source>
        <translation>«{place}» пунктіне қатысты тіркелген оқиға жоқ.</translation>
    </message>
    <message>
        <source>No events are recorded for {partner}.</source>
        <translation>{partner} бойынша тіркелген оқиға жоқ.</translation>
    </message>
    <message>
        <source>No events are recorded.</source>
        <translation>Тіркелген оқиға жоқ.</translation>
    </message>
    <message>
        <source>{kind} (another source: {other})</source>
        <translation>{kind} (басқа дереккөз бойынша: {other})</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>атаусыз</translation>
    </message>
    <message>
        <source>place not recorded</source>
        <translation>өткізілген жері көрсетілмеген</translation>
    </message>
    <message>
        <source>kind not recorded</source>
        <translation>түрі көрсетілмеген</translation>
    </message>
    <message>
        <source>[EN]</source>
        <translation>[ағылш.]</translation>
    </message>
    <message>
        <source>[RU]</source>
        <translation>[орыс.]</translation>
    </message>
    <message>
        <source>{text} {marker}</source>
        <translation>{text} {marker}</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>күні көрсетілмеген</translation>
    </message>
    <message>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>documents signed: not recorded</source>
        <translation>қол қойылған құжаттар: көрсетілмеген</translation>
    </message>
    <message>
        <source>1 document signed</source>
        <translation>1 құжатқа қол қойылды</translation>
    </message>
    <message>
        <source>{n} documents signed</source>
        <translation>{n} құжатқа қол қойылды</translation>
    </message>
    <message>
        <source>{count} (another source: {other})</source>
        <translation>{count} (басқа дереккөз бойынша: {other})</translation>
    </message>
    <message>
        <source>no agreements recorded</source>
        <translation>дерекқорда келісім жоқ</translation>
    </message>
    <message>
        <source>1 agreement recorded</source>
        <translation>дерекқорда 1 келісім</translation>
    </message>
    <message>
        <source>{n} agreements recorded</source>
        <translation>дерекқорда {n} келісім</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>The current view, with its filters</source>
        <translation>Ағымдағы көрініс, сүзгілерімен бірге</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Барлық жазбалар</translation>
    </message>
    <message>
        <source>comma ( , )</source>
        <translation>үтір ( , )</translation>
    </message>
    <message>
        <source>semicolon ( ; ), as Excel expects with Russian settings</source>
        <translation>нүктелі үтір ( ; ), Excel орыс тілі баптауларында күтетіндей</translation>
    </message>
    <message>
        <source>point ( 12.5 )</source>
        <translation>нүкте ( 12.5 )</translation>
    </message>
    <message>
        <source>comma ( 12,5 ), as Excel expects with Russian settings</source>
        <translation>үтір ( 12,5 ), Excel орыс тілі баптауларында күтетіндей</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows Cyrillic)</source>
        <translation>BOM бар UTF-8 (Excel кириллицаны көрсетеді)</translation>
    </message>
    <message>
        <source>Windows-1251 for older programs (Kazakh and Turkish letters become the nearest Russian or Latin ones)</source>
        <translation>Ескі бағдарламаларға арналған Windows-1251 (қазақ және түрік әріптері ең жақын орыс немесе латын әріптерімен ауыстырылады)</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Қандай жазбалар</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Пішім:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Бөлгіш:</translation>
    </message>
    <message>
        <source>Decimal mark:</source>
        <translation>Ондық бөлгіш:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодтау:</translation>
    </message>
    <message>
        <source>Include records without coordinates (as features with no geometry)</source>
        <translation>Координатасыз жазбаларды қосу (геометриясыз нысандар ретінде)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n record(s) to {path}.</source>
        <translation>
            <numerusform>{path} файлына %n жазба жазылды.</numerusform>
            <numerusform>{path} файлына %n жазба жазылды.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactSheetDialog</name>
    <message>
        <source>Fact sheet</source>
        <translation>Анықтама парақ</translation>
    </message>
    <message>
        <source>for example: For official use</source>
        <translation>мысалы: Қызмет бабында пайдалану үшін</translation>
    </message>
    <message>
        <source>US Letter instead of A4</source>
        <translation>A4 орнына US Letter</translation>
    </message>
    <message>
        <source>Named as the author of the PDF files.</source>
        <translation>PDF файлдарының авторы ретінде көрсетіледі.</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Серіктес:</translation>
    </message>
    <message>
        <source>Language of the sheet:</source>
        <translation>Парақ тілі:</translation>
    </message>
    <message>
        <source>Marking line:</source>
        <translation>Гриф:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Ұйым:</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>Басып шығару алдында қарау…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>All Partners…</source>
        <translation>Барлық серіктестер…</translation>
    </message>
    <message>
        <source>Save the fact sheet</source>
        <translation>Анықтама парақты сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>The fact sheet could not be saved: {error}</source>
        <translation>Анықтама парақты сақтау мүмкін болмады: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Saved {path} (%n page(s)).</source>
        <translation>
            <numerusform>Сақталды: {path} (%n бет).</numerusform>
            <numerusform>Сақталды: {path} (%n бет).</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the fact sheets…</source>
        <translation>Анықтама парақтар жасалуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Барлық серіктестер</translation>
    </message>
    <message>
        <source>One PDF for each partner in a folder, or all of them in one PDF?</source>
        <translation>Әр серіктеске бөлек PDF файлын қалтаға сақтау керек пе, әлде барлығын бір PDF файлына ма?</translation>
    </message>
    <message>
        <source>One PDF each…</source>
        <translation>Әрқайсысына бөлек PDF…</translation>
    </message>
    <message>
        <source>One combined PDF…</source>
        <translation>Бір ортақ PDF…</translation>
    </message>
    <message>
        <source>Folder for the fact sheets</source>
        <translation>Анықтама парақтарға арналған қалта</translation>
    </message>
    <message>
        <source>Save the fact sheets</source>
        <translation>Анықтама парақтарды сақтау</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s).</source>
        <translation>
            <numerusform>%n файл жазылды.</numerusform>
            <numerusform>%n файл жазылды.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBox</name>
    <message>
        <source>The search could not read the database file {file}: {error}</source>
        <translation>Іздеу кезінде {file} дерекқор файлын оқу мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation>Іздеу сәтсіз аяқталды</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Ештеңе табылмады</translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation>Іздеу сәтсіз аяқталды: {message}</translation>
    </message>
    <message>
        <source>{kind}: the first {n} of {count}</source>
        <translation>{kind}: алғашқы {n} (барлығы {count})</translation>
    </message>
    <message>
        <source>“{text}” holds no word to look for. Type a word in English, Russian or Kazakh.</source>
        <translation>«{text}» ішінде іздейтін сөз жоқ. Ағылшын, орыс немесе қазақ тілінде сөз енгізіңіз.</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>«{text}» сұрауы бойынша ештеңе табылмады.</translation>
    </message>
    <message>
        <source>Did you mean “{word}”?</source>
        <translation>Мүмкін, «{word}» сөзін іздедіңіз бе?</translation>
    </message>
    <message>
        <source>Try fewer or shorter words, or another spelling.</source>
        <translation>Азырақ немесе қысқарақ сөз енгізіп не басқаша жазып көріңіз.</translation>
    </message>
    <message>
        <source>(no name recorded)</source>
        <translation>(атауы көрсетілмеген)</translation>
    </message>
    <message>
        <source>in English</source>
        <translation>ағылшынша</translation>
    </message>
    <message>
        <source>in Russian</source>
        <translation>орысша</translation>
    </message>
    <message>
        <source>in Kazakh</source>
        <translation>қазақша</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Қазақстан</translation>
    </message>
    <message>
        <source>other source&apos;s value</source>
        <translation>басқа дереккөздің мәні</translation>
    </message>
    <message>
        <source>Find anything (Ctrl+F)</source>
        <translation>Кез келгенін іздеу (Ctrl+F)</translation>
    </message>
    <message>
        <source>Agreements, events, places, corridors, facts, trade, targets and sources, in English, Russian or Kazakh</source>
        <translation>Келісімдер, оқиғалар, пункттер, дәліздер, фактілер, сауда, межелер және дереккөздер — ағылшын, орыс немесе қазақ тілінде</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter opens · Esc closes</source>
        <translation>↑ ↓ таңдау · Enter — ашу · Esc — жабу</translation>
    </message>
</context>
<context>
    <name>FindView</name>
    <message>
        <source>Agreements</source>
        <translation>Келісімдер</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Фактілер</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Пункттер</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>Дәліздер</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Дәліз</translation>
    </message>
    <message>
        <source>Route sections</source>
        <translation>Бағыт учаскелері</translation>
    </message>
    <message>
        <source>Route section</source>
        <translation>Бағыт учаскесі</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Жобалар</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Жоба</translation>
    </message>
    <message>
        <source>Trade figures</source>
        <translation>Сауда көрсеткіштері</translation>
    </message>
    <message>
        <source>Trade figure</source>
        <translation>Сауда көрсеткіші</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Межелер</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Меже</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>Тетіктер</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Тетік</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Серіктестер</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Серіктес</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>This is another source&apos;s value: shown is the preferred record of its group.</source>
        <translation>Бұл — басқа дереккөздің мәні: оның тобындағы таңдаулы жазба көрсетілген.</translation>
    </message>
    <message>
        <source>The table&apos;s search was cleared to show this agreement.</source>
        <translation>Осы келісімді көрсету үшін кестедегі іздеу тазартылды.</translation>
    </message>
    <message>
        <source>The table&apos;s search and filters were cleared to show this agreement.</source>
        <translation>Осы келісімді көрсету үшін кестедегі іздеу мен сүзгілер тазартылды.</translation>
    </message>
    <message>
        <source>The events of the partner are listed to show this event.</source>
        <translation>Осы оқиғаны көрсету үшін серіктестің оқиғалары тізімге шығарылды.</translation>
    </message>
    <message>
        <source>This record belongs to no partner or place: it is listed in Records…</source>
        <translation>Бұл жазба ешбір серіктеске де, пунктке де тиесілі емес: ол «Жазбалар…» терезесінде көрсетілген.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Уақыты (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Өрістер</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Бұрынғы → жаңа</translation>
    </message>
    <message>
        <source>added</source>
        <translation>қосылды</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>өзгертілді</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>жойылды</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>кері қайтарылды</translation>
    </message>
    <message>
        <source>redone</source>
        <translation>қайта орындалды</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортталды</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>біріктірілді</translation>
    </message>
    <message>
        <source>No change is recorded for this record: it is as the bundled data has it.</source>
        <translation>Бұл жазбаның өзгерістері тіркелмеген: ол бағдарламамен бірге жеткізілген деректердегідей.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <source>Trade figures from UN Comtrade</source>
        <translation>UN Comtrade сауда көрсеткіштері</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Файл таңдалмаған.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Файлды таңдау…</translation>
    </message>
    <message>
        <source>Choose the sheet to import</source>
        <translation>Импорттайтын парақты таңдаңыз</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Файлдағы баған</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Record / field</source>
        <translation>Жазба / өріс</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Қазір</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Кейін</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Парақ:</translation>
    </message>
    <message>
        <source>Tables and GeoJSON (*.csv *.txt *.tsv *.xlsx *.json *.geojson);;GeoJSON (*.geojson);;All files (*)</source>
        <translation>Кестелер және GeoJSON (*.csv *.txt *.tsv *.xlsx *.json *.geojson);;GeoJSON (*.geojson);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.json);;All files (*)</source>
        <translation>Кестелер (*.csv *.txt *.tsv *.xlsx *.json);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} оқылуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>{file}, sheet “{sheet}”</source>
        <translation>{file}, «{sheet}» парағы</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>(импорттамау)</translation>
    </message>
    <message>
        <source>Check how the file&apos;s columns are read.</source>
        <translation>Файл бағандарының қалай оқылғанын тексеріңіз.</translation>
    </message>
    <message>
        <source>Some columns were not recognised with certainty. Check the fields chosen below{missing}.</source>
        <translation>Кейбір бағандар сенімді түрде танылмады. Төменде таңдалған өрістерді тексеріңіз{missing}.</translation>
    </message>
    <message>
        <source>(missing: {fields})</source>
        <translation>(жетіспейді: {fields})</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Жолдар тексерілуде…</translation>
    </message>
    <message>
        <source>To add: {add} · to update: {update} · unchanged: {same} · rejected: {reject}</source>
        <translation>Қосылатыны: {add} · жаңартылатыны: {update} · өзгеріссіз: {same} · қабылданбағаны: {reject}</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>{row}-жол: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>және тағы %n</numerusform>
            <numerusform>және тағы %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To update: %n record(s)</source>
        <translation>
            <numerusform>Жаңартылатыны: %n жазба</numerusform>
            <numerusform>Жаңартылатыны: %n жазба</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To add: %n record(s)</source>
        <translation>
            <numerusform>Қосылатыны: %n жазба</numerusform>
            <numerusform>Қосылатыны: %n жазба</numerusform>
        </translation>
    </message>
    <message>
        <source>{uid} (row {row})</source>
        <translation>{uid} ({row}-жол)</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>{row}-жол</translation>
    </message>
    <message numerus="yes">
        <source>Kept as stored: %n value(s) whose letters the file&apos;s encoding cannot hold (for example {uid}, {field}: “{text}”).</source>
        <translation>
            <numerusform>Сақталғандай қалдырылды: әріптерін файл кодтауы бере алмайтын %n мән (мысалы, {uid}, {field}: «{text}»).</numerusform>
            <numerusform>Сақталғандай қалдырылды: әріптерін файл кодтауы бере алмайтын %n мән (мысалы, {uid}, {field}: «{text}»).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n change(s) would only remove letters (for example {uid}, {field}: “{now}” → “{after}”). Was the file saved in an encoding that lacks them?</source>
        <translation>
            <numerusform>Назар аударыңыз: %n өзгеріс тек әріптерді өшірер еді (мысалы, {uid}, {field}: «{now}» → «{after}»). Файл бұл әріптер жоқ кодтауда сақталмады ма?</numerusform>
            <numerusform>Назар аударыңыз: %n өзгеріс тек әріптерді өшірер еді (мысалы, {uid}, {field}: «{now}» → «{after}»). Файл бұл әріптер жоқ кодтауда сақталмады ма?</numerusform>
        </translation>
    </message>
    <message>
        <source>{codes} and {count} more</source>
        <translation>{codes} және тағы {count}</translation>
    </message>
    <message>
        <source>Rows about countries that are not partners in the atlas were left out: {count} ({codes}).</source>
        <translation>Атласта серіктес ретінде жоқ елдер туралы жолдар алынып тасталды: {count} ({codes}).</translation>
    </message>
    <message>
        <source>partner, year, period and statistics</source>
        <translation>серіктес, жыл, кезең және статистика</translation>
    </message>
    <message>
        <source>partner, measure, date stated and value</source>
        <translation>серіктес, көрсеткіш, мәлімделген күні және мәні</translation>
    </message>
    <message>
        <source>partner or corridor, measure and date</source>
        <translation>серіктес немесе дәліз, көрсеткіш және күні</translation>
    </message>
    <message>
        <source>start date and title</source>
        <translation>басталған күні және атауы</translation>
    </message>
    <message>
        <source>date signed and title</source>
        <translation>қол қойылған күні және атауы</translation>
    </message>
    <message>
        <source>group and name</source>
        <translation>топ және атау</translation>
    </message>
    <message>
        <source>The row has {cells} cells but the header has {columns} columns (is the separator right?).</source>
        <translation>Жолда {cells} ұяшық бар, ал тақырып жолында {columns} баған бар (бөлгіш дұрыс па?).</translation>
    </message>
    <message>
        <source>The same record as row {first} (the same uid): only the first is imported.</source>
        <translation>{first}-жолдағы жазбамен бірдей (uid бірдей): тек біріншісі импортталады.</translation>
    </message>
    <message>
        <source>The same record as row {first} (the same {key}): only the first is imported.</source>
        <translation>{first}-жолдағы жазбамен бірдей ({key} бірдей): тек біріншісі импортталады.</translation>
    </message>
    <message>
        <source>The same record as row {first} (“{uid}”): only the first is imported.</source>
        <translation>{first}-жолдағы жазбамен бірдей («{uid}»): тек біріншісі импортталады.</translation>
    </message>
    <message>
        <source>Matches {count} existing records by {key} ({uids}): add a uid column to say which one to update.</source>
        <translation>{key} бойынша бар {count} жазбаға сәйкес келеді ({uids}): қайсысын жаңарту керектігін көрсету үшін uid бағанын қосыңыз.</translation>
    </message>
    <message>
        <source>The row has {cells} cells but the header has {columns} columns (a separator is missing, or a line break outside quotes split the row).</source>
        <translation>Жолдағы ұяшықтар саны: {cells}, ал тақырыптағы бағандар саны: {columns} (бөлгіш жетіспейді немесе тырнақшадан тыс жол ауысуы жолды бөліп жіберген).</translation>
    </message>
    <message>
        <source>The cell in column “{column}” holds a NUL character (U+0000), which text never holds.</source>
        <translation>«{column}» бағанындағы ұяшықта NUL таңбасы (U+0000) бар, мәтінде ол болмайды.</translation>
    </message>
    <message>
        <source>The object names the key “{key}” more than once, so its value is unclear.</source>
        <translation>Нысанда «{key}» кілті бірнеше рет аталған, сондықтан оның мәні түсініксіз.</translation>
    </message>
    <message>
        <source>The file is not a UN Comtrade download (its columns are not Comtrade&apos;s).</source>
        <translation>Файл UN Comtrade-тан жүктелмеген (бағандары Comtrade бағандарына сәйкес емес).</translation>
    </message>
    <message>
        <source>Year: “{value}” is not a year.</source>
        <translation>Жыл: «{value}» жыл емес.</translation>
    </message>
    <message>
        <source>Trade value: the cell cannot be read ({reason}).</source>
        <translation>Сауда құны: ұяшықты оқу мүмкін емес ({reason}).</translation>
    </message>
    <message>
        <source>Trade value: “{value}” is not a number.</source>
        <translation>Сауда құны: «{value}» сан емес.</translation>
    </message>
    <message>
        <source>Trade value: {value} is negative.</source>
        <translation>Сауда құны: {value} теріс сан.</translation>
    </message>
    <message>
        <source>A second import figure of Kazakhstan with {partner} for {year} ({whose}); the one on row {kept} is kept.</source>
        <translation>Қазақстанның {partner} елінен {year} жылғы импортының екінші мәні ({whose}); {kept}-жолдағы мән қалдырылды.</translation>
    </message>
    <message>
        <source>A second export figure of Kazakhstan with {partner} for {year} ({whose}); the one on row {kept} is kept.</source>
        <translation>Қазақстанның {partner} еліне {year} жылғы экспортының екінші мәні ({whose}); {kept}-жолдағы мән қалдырылды.</translation>
    </message>
    <message>
        <source>Kazakhstan&apos;s statistics</source>
        <translation>Қазақстан статистикасы</translation>
    </message>
    <message>
        <source>the partner&apos;s statistics</source>
        <translation>серіктес статистикасы</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>«{name}»</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} — файл емес, қалта.</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>{path} файлы жоқ.</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {reason}.</source>
        <translation>{file} файлын оқу мүмкін емес: {reason}.</translation>
    </message>
    <message>
        <source>The file {file} is empty (0 bytes).</source>
        <translation>{file} файлы бос (0 байт).</translation>
    </message>
    <message>
        <source>{file} is in the old Excel format (.xls), which is not read. Save it from Excel as an Excel workbook (.xlsx) or as CSV and import that file.</source>
        <translation>{file} файлы Excel бағдарламасының ескі пішімінде сақталған, ол оқылмайды. Оны Excel бағдарламасында жаңа пішімдегі Excel жұмыс кітабы немесе CSV ретінде сақтап, сол файлды импорттаңыз.</translation>
    </message>
    <message>
        <source>{file} is named as a text file but is a ZIP archive (perhaps an Excel workbook); rename it to .xlsx or save it as CSV.</source>
        <translation>{file} файлы мәтіндік файл ретінде аталған, бірақ ол — сығылған мұрағат (мүмкін, Excel жұмыс кітабы); оны Excel жұмыс кітабының кеңейтімімен қайта атаңыз немесе CSV ретінде сақтаңыз.</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} has more than {max} data rows; split it into smaller files and import them one by one.</source>
        <translation>{file} файлының «{sheet}» парағындағы деректер жолдарының саны {max} шегінен асады; оны шағын файлдарға бөліп, бір-бірлеп импорттаңыз.</translation>
    </message>
    <message>
        <source>The file {file} has more than {max} data rows; split it into smaller files and import them one by one.</source>
        <translation>{file} файлындағы деректер жолдарының саны {max} шегінен асады; оны шағын файлдарға бөліп, бір-бірлеп импорттаңыз.</translation>
    </message>
    <message>
        <source>Row {row} of the sheet “{sheet}” of {file} has a field longer than {max} characters ({length} characters). Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>{file} файлының «{sheet}» парағындағы {row}-жолда ұзындығы {max} таңба шегінен асатын өріс бар ({length} таңба). Мұндай файл оқылмайды (оған жабылмаған тырнақша себеп болуы мүмкін).</translation>
    </message>
    <message>
        <source>Row {row} of the sheet “{sheet}” of {file} has a field longer than {max} characters. Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>{file} файлының «{sheet}» парағындағы {row}-жолда ұзындығы {max} таңба шегінен асатын өріс бар. Мұндай файл оқылмайды (оған жабылмаған тырнақша себеп болуы мүмкін).</translation>
    </message>
    <message>
        <source>Row {row} of {file} has a field longer than {max} characters ({length} characters). Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>{file} файлының {row}-жолында ұзындығы {max} таңба шегінен асатын өріс бар ({length} таңба). Мұндай файл оқылмайды (оған жабылмаған тырнақша себеп болуы мүмкін).</translation>
    </message>
    <message>
        <source>Row {row} of {file} has a field longer than {max} characters. Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>{file} файлының {row}-жолында ұзындығы {max} таңба шегінен асатын өріс бар. Мұндай файл оқылмайды (оған жабылмаған тырнақша себеп болуы мүмкін).</translation>
    </message>
    <message>
        <source>{file} is not a UN Comtrade download: its header lacks Comtrade&apos;s columns (such as {legacy}, or {new}).</source>
        <translation>{file} файлы UN Comtrade жүктемесі емес: оның тақырып жолында Comtrade бағандары жоқ (мысалы, {legacy} немесе {new}).</translation>
    </message>
    <message>
        <source>The file {file} starts as {encoding} text but cannot be decoded as such (byte {byte}: {reason}). Save it again as UTF-8 and try again.</source>
        <translation>{file} файлы {encoding} кодтауындағы мәтін сияқты басталады, бірақ бұл кодтаумен оқылмайды (байт нөмірі {byte}: {reason}). Оны UTF-8 кодтауында қайта сақтап, әрекетті қайталаңыз.</translation>
    </message>
    <message>
        <source>The file {file} is half NUL bytes, as UTF-16 text without a byte order mark is, but does not read as such. Save it as UTF-8 (or as Excel “Unicode text”) and try again.</source>
        <translation>{file} файлының жартысы NUL байттарынан тұрады, байт реті белгісі (BOM) жоқ UTF-16 мәтініндегідей, бірақ ол мұндай мәтін ретінде оқылмайды. Оны UTF-8 кодтауында (немесе Excel бағдарламасының «Юникод мәтіні» пішімінде) сақтап, әрекетті қайталаңыз.</translation>
    </message>
    <message>
        <source>The file {file} is neither UTF-8 nor Windows-1251 text: it has bytes that do not decode (first on line {line}, byte {byte}: {reason}). Save it as UTF-8 and try again.</source>
        <translation>{file} файлы UTF-8 мәтіні де, Windows-1251 мәтіні де емес: онда оқылмайтын байттар бар (алғашқысы — {line}-жолда, байт нөмірі {byte}: {reason}). Оны UTF-8 кодтауында сақтап, әрекетті қайталаңыз.</translation>
    </message>
    <message>
        <source>The file {file} holds no text: it has no header row.</source>
        <translation>{file} файлында мәтін жоқ: онда тақырып жолы жоқ.</translation>
    </message>
    <message>
        <source>The file {file} has no header row.</source>
        <translation>{file} файлында тақырып жолы жоқ.</translation>
    </message>
    <message>
        <source>The file {file} has {columns} columns; at most {max} are read.</source>
        <translation>{file} файлындағы бағандар саны: {columns}; көп дегенде {max} баған оқылады.</translation>
    </message>
    <message>
        <source>The header row of {file} holds a NUL character (U+0000), so the file is not a text table. Save it as UTF-8 CSV and try again.</source>
        <translation>{file} файлының тақырып жолында NUL таңбасы (U+0000) бар, демек файл мәтіндік кесте емес. Оны UTF-8 кодтауындағы CSV ретінде сақтап, әрекетті қайталаңыз.</translation>
    </message>
    <message>
        <source>No comma, semicolon or tab separates the column names in the header row of {file} (“{header}”), so its columns cannot be told apart. Save it as CSV (separated by commas or semicolons) or as tab-separated text.</source>
        <translation>{file} файлының тақырып жолында («{header}») баған атаулары үтірмен, нүктелі үтірмен немесе табуляциямен бөлінбеген, сондықтан бағандарды ажырату мүмкін емес. Оны CSV ретінде (үтірмен немесе нүктелі үтірмен бөлінген) немесе табуляциямен бөлінген мәтін ретінде сақтаңыз.</translation>
    </message>
    <message>
        <source>The file {file} ends inside a quoted field that starts on line {line}: a quote (&quot;) is never closed. Nothing was imported.</source>
        <translation>{file} файлы {line}-жолда басталатын тырнақшадағы өрістің ішінде аяқталады: тырнақша (&quot;) жабылмаған. Ештеңе импортталмады.</translation>
    </message>
    <message>
        <source>Row {row} of {file} (line {line}) is not valid CSV: {reason}. Nothing was imported.</source>
        <translation>{file} файлының {row}-жолы (мәтіннің {line}-жолы) дұрыс CSV емес: {reason}. Ештеңе импортталмады.</translation>
    </message>
    <message>
        <source>Row {row} of {file} has {cells} cells; at most {max} columns are read.</source>
        <translation>{file} файлының {row}-жолындағы ұяшықтар саны: {cells}; көп дегенде {max} баған оқылады.</translation>
    </message>
    <message>
        <source>{file} is not a valid Excel workbook: it is not a complete ZIP archive ({reason}). It may be truncated or damaged; save it again from Excel.</source>
        <translation>{file} файлы — жарамды Excel жұмыс кітабы емес: ол толық сығылған мұрағат емес ({reason}). Ол қиылған немесе зақымдалған болуы мүмкін; оны Excel бағдарламасында қайта сақтаңыз.</translation>
    </message>
    <message>
        <source>{file} is refused: its part {part} would expand {ratio} times (to {size} MB), as a ZIP bomb does.</source>
        <translation>{file} файлы қабылданбады: оның {part} бөлігі ашылғанда {ratio} есе ұлғаяр еді (көлемі {size} МБ болар еді), «мұрағат бомбасы» осылай істейді.</translation>
    </message>
    <message>
        <source>{file} is refused: it would expand to {size} MB (at most {max} MB are read). Save the data as CSV instead.</source>
        <translation>{file} файлы қабылданбады: ашылғанда оның көлемі {size} МБ болар еді (көп дегенде {max} МБ оқылады). Оның орнына деректерді CSV ретінде сақтаңыз.</translation>
    </message>
    <message>
        <source>{file} is a ZIP archive but not an Excel workbook (it has no worksheets).</source>
        <translation>{file} файлы — сығылған мұрағат, бірақ Excel жұмыс кітабы емес (онда жұмыс парақтары жоқ).</translation>
    </message>
    <message>
        <source>Excel files cannot be read safely here ({library} is not using {parser}; is the environment variable {variable} set to False?). Save the data as CSV instead.</source>
        <translation>Мұнда Excel файлдарын қауіпсіз оқу мүмкін емес ({library} кітапханасы {parser} кітапханасын пайдаланбайды; {variable} орта айнымалысы өшірілмеген бе?). Оның орнына деректерді CSV ретінде сақтаңыз.</translation>
    </message>
    <message>
        <source>{file} is refused: its XML declares entities, which an Excel workbook never needs (an “entity expansion” or “billion laughs” attack).</source>
        <translation>{file} файлы қабылданбады: оның ішкі белгілеуінде Excel жұмыс кітабына ешқашан қажет болмайтын мәндік бірліктер жарияланған («бірліктерді кеңейту» немесе «миллиард күлкі» шабуылы).</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook ({reason}). Save it again from Excel, or as CSV.</source>
        <translation>{file} файлын Excel жұмыс кітабы ретінде оқу мүмкін емес ({reason}). Оны Excel бағдарламасында қайта сақтаңыз немесе CSV ретінде сақтаңыз.</translation>
    </message>
    <message>
        <source>{file} is an Excel workbook without worksheets (it holds charts only).</source>
        <translation>{file} файлы — жұмыс парақтары жоқ Excel жұмыс кітабы (онда тек диаграммалар бар).</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”; its sheets are {sheets}.</source>
        <translation>{file} файлында «{sheet}» парағы жоқ; оның парақтары: {sheets}.</translation>
    </message>
    <message>
        <source>None of the {count} sheets of {file} ({sheets}) has a header row with columns to import. Choose the sheet to import.</source>
        <translation>{file} файлының {count} парағының ешқайсысында ({sheets}) импортталатын бағандары бар тақырып жолы жоқ. Импорттайтын парақты таңдаңыз.</translation>
    </message>
    <message>
        <source>Several sheets of {file} have header rows that fit equally well ({fitting}). Choose the sheet to import.</source>
        <translation>{file} файлының бірнеше парағындағы тақырып жолдары бірдей сәйкес келеді ({fitting}). Импорттайтын парақты таңдаңыз.</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} is empty: it has no header row.</source>
        <translation>{file} файлының «{sheet}» парағы бос: онда тақырып жолы жоқ.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; JSON files of at most {max} MB are read. Use CSV for larger tables.</source>
        <translation>{file} файлының көлемі — {size} МБ; көлемі көп дегенде {max} МБ болатын JSON файлдары оқылады. Үлкенірек кестелер үшін CSV пайдаланыңыз.</translation>
    </message>
    <message>
        <source>{file} is nested {depth} levels deep; a table needs 2 (a list of objects) and more than {max} are refused.</source>
        <translation>{file} файлындағы кірістірілу деңгейлерінің саны: {depth}; кестеге 2 деңгей керек (нысандар тізімі), ал {max} шегінен асатыны қабылданбайды.</translation>
    </message>
    <message>
        <source>{file} is not valid JSON: {reason} (line {line}, column {column}).</source>
        <translation>{file} файлы — жарамды JSON емес: {reason} ({line}-жол, {column}-таңба).</translation>
    </message>
    <message>
        <source>{file} is too deeply nested or too large to read.</source>
        <translation>{file} файлы тым терең кірістірілген немесе оқу үшін тым үлкен.</translation>
    </message>
    <message>
        <source>{file} holds an object, not a list of objects (one object per record, as {example}).</source>
        <translation>{file} файлында нысандар тізімі емес, бір нысан бар (әр жазбаға бір нысан, мысалы: {example}).</translation>
    </message>
    <message>
        <source>{file} holds true or false, not a list of objects (one object per record, as {example}).</source>
        <translation>{file} файлында нысандар тізімі емес, логикалық мән бар (әр жазбаға бір нысан, мысалы: {example}).</translation>
    </message>
    <message>
        <source>{file} holds null, not a list of objects (one object per record, as {example}).</source>
        <translation>{file} файлында нысандар тізімі емес, бос мән бар (әр жазбаға бір нысан, мысалы: {example}).</translation>
    </message>
    <message>
        <source>{file} holds a string, not a list of objects (one object per record, as {example}).</source>
        <translation>{file} файлында нысандар тізімі емес, мәтін бар (әр жазбаға бір нысан, мысалы: {example}).</translation>
    </message>
    <message>
        <source>{file} holds a number, not a list of objects (one object per record, as {example}).</source>
        <translation>{file} файлында нысандар тізімі емес, сан бар (әр жазбаға бір нысан, мысалы: {example}).</translation>
    </message>
    <message>
        <source>{file} holds an empty list: there are no records in it to import.</source>
        <translation>{file} файлында бос тізім бар: онда импорттайтын жазбалар жоқ.</translation>
    </message>
    <message>
        <source>{file} is not a list of objects: item {item} is a list.</source>
        <translation>{file} файлы — нысандар тізімі емес: {item}-элемент — тізім.</translation>
    </message>
    <message>
        <source>{file} is not a list of objects: item {item} is not an object.</source>
        <translation>{file} файлы — нысандар тізімі емес: {item}-элемент нысан емес.</translation>
    </message>
    <message>
        <source>{file} has more than {max} different keys; at most {max} are read.</source>
        <translation>{file} файлындағы әртүрлі кілттердің саны {max} шегінен асады; көп дегенде {max} кілт оқылады.</translation>
    </message>
    <message>
        <source>Row {row} of {file}: the value of “{key}” is a nested object; only text, numbers, true/false, null and lists of those are read.</source>
        <translation>{file} файлының {row}-жолы: «{key}» мәні — кірістірілген нысан; тек мәтін, сандар, логикалық мәндер, бос мәндер және олардың тізімдері оқылады.</translation>
    </message>
    <message>
        <source>Row {row} of {file}: the value of “{key}” is a nested list; only text, numbers, true/false, null and lists of those are read.</source>
        <translation>{file} файлының {row}-жолы: «{key}» мәні — кірістірілген тізім; тек мәтін, сандар, логикалық мәндер, бос мәндер және олардың тізімдері оқылады.</translation>
    </message>
    <message>
        <source>{file} is not a GeoJSON FeatureCollection (an object with &quot;type&quot;: &quot;FeatureCollection&quot; and its &quot;features&quot;), so no places can be read from it.</source>
        <translation>{file} файлы — GeoJSON нысандар жинағы емес (&quot;type&quot;: &quot;FeatureCollection&quot; және оның &quot;features&quot; мүшесі бар объект), сондықтан одан пункттерді оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>{file} gives its coordinates in the reference system {crs}, not in WGS 84 longitude and latitude (EPSG:4326), as GeoJSON requires. Save it again from the GIS as GeoJSON in EPSG:4326.</source>
        <translation>{file} файлындағы координаттар WGS 84 бойлығы мен ендігінде (EPSG:4326) емес, {crs} жүйесінде берілген, ал GeoJSON соны талап етеді. Оны ГАЖ-дан EPSG:4326 жүйесіндегі GeoJSON ретінде қайта сақтаңыз.</translation>
    </message>
    <message>
        <source>The &quot;features&quot; of {file} are not a list of GeoJSON Feature objects.</source>
        <translation>{file} файлындағы &quot;features&quot; — GeoJSON нысандарының тізімі емес.</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has a {found} geometry, but a node needs a Point.</source>
        <translation>{file} файлының {feature}-нысанының геометриясы — {found}, ал пунктке нүкте керек.</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has a {found} geometry, but a segment needs a LineString.</source>
        <translation>{file} файлының {feature}-нысанының геометриясы — {found}, ал учаскеге сызық керек.</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has a {found} geometry, but only nodes (Point) and segments (LineString) are imported from GeoJSON.</source>
        <translation>{file} файлының {feature}-нысанының геометриясы — {found}, бірақ GeoJSON-нан тек пункттер (нүкте) мен учаскелер (сызық) импортталады.</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has coordinates that are not a pair of numbers [longitude, latitude].</source>
        <translation>{file} файлының {feature}-нысанының координаттары екі саннан [бойлық, ендік] тұрмайды.</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} lies outside the world&apos;s longitudes and latitudes (longitude {lon}, latitude {lat}); GeoJSON gives longitude first, in WGS 84 degrees.</source>
        <translation>{file} файлының {feature}-нысаны мүмкін бойлықтар мен ендіктерден тыс жатыр (бойлық {lon}, ендік {lat}); GeoJSON-да алдымен бойлық, WGS 84 градусымен беріледі.</translation>
    </message>
    <message>
        <source>One of {fields} is required.</source>
        <translation>Мына өрістердің бірі міндетті: {fields}.</translation>
    </message>
    <message>
        <source>Known codes: {codes}.</source>
        <translation>Белгілі кодтар: {codes}.</translation>
    </message>
    <message>
        <source>{field}: “{value}” — {message}</source>
        <translation>{field}: «{value}» — {message}</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>Cannot be read ({reason}).</source>
        <translation>Оқу мүмкін емес ({reason}).</translation>
    </message>
    <message>
        <source>A list (“{value}”) where one value is expected.</source>
        <translation>Бір мән күтілген жерде тізім берілген («{value}»).</translation>
    </message>
    <message>
        <source>{value} (a yes-or-no value) where a number is expected.</source>
        <translation>Сан күтілген жерде {value} (иә немесе жоқ мәні) берілген.</translation>
    </message>
    <message>
        <source>{value} (a yes-or-no value) where text is expected.</source>
        <translation>Мәтін күтілген жерде {value} (иә немесе жоқ мәні) берілген.</translation>
    </message>
    <message>
        <source>No source has the uid {uids}.</source>
        <translation>uid мәні {uids} болатын дереккөз жоқ.</translation>
    </message>
    <message>
        <source>“{value}” holds spaces, separators or control characters.</source>
        <translation>«{value}» ішінде бос орындар, бөлгіштер немесе басқару таңбалары бар.</translation>
    </message>
    <message>
        <source>No partner in the atlas has the code “{value}”.</source>
        <translation>Атласта «{value}» коды бар серіктес жоқ.</translation>
    </message>
    <message>
        <source>No record has the uid “{value}” ({kind}).</source>
        <translation>uid мәні «{value}» болатын жазба жоқ ({kind}).</translation>
    </message>
    <message>
        <source>Must be more than {min} and at most {max}.</source>
        <translation>Рұқсат етілген аралық: {min} (қоспағанда) – {max} (қоса алғанда).</translation>
    </message>
    <message>
        <source>Must be more than {min}.</source>
        <translation>Мәні {min} шамасынан үлкен болуы керек.</translation>
    </message>
    <message>
        <source>Must be at least {min}.</source>
        <translation>Мәні кемінде {min} болуы керек.</translation>
    </message>
    <message>
        <source>Must be at most {max}.</source>
        <translation>Мәні көп дегенде {max} болуы керек.</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>импорт: {file}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импортталуда…</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>{app} is already open on this database (process {pid}). Open this window read-only, or cancel?</source>
        <translation>{app} осы дерекқормен ашық тұр (процесс {pid}). Бұл терезені тек оқу үшін ашасыз ба, әлде бас тартасыз ба?</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Тек оқу үшін ашу</translation>
    </message>
</context>
<context>
    <name>LongChecklistField</name>
    <message>
        <source>Type to filter</source>
        <translation>Сүзу үшін теріңіз</translation>
    </message>
    <message>
        <source>Ticked: {names}</source>
        <translation>Белгіленгені: {names}</translation>
    </message>
    <message>
        <source>None ticked.</source>
        <translation>Ештеңе белгіленбеген.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database file {path} is damaged ({problem}). Make a copy of it before changing anything, and restore a backup.</source>
        <translation>{path} дерекқор файлы зақымдалған ({problem}). Бірдеңені өзгертпес бұрын оның көшірмесін жасаңыз, содан кейін сақтық көшірмеден қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>The database file could not be checked: {reason}</source>
        <translation>Дерекқор файлын тексеру мүмкін болмады: {reason}</translation>
    </message>
    <message>
        <source>Now working on {path}.</source>
        <translation>Жұмыс енді {path} файлында жүргізіледі.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Кері қайтарылды.</translation>
    </message>
    <message>
        <source>Redone.</source>
        <translation>Қайта орындалды.</translation>
    </message>
    <message>
        <source>Select an agreement, event, node, corridor or partner first.</source>
        <translation>Алдымен келісімді, оқиғаны, пунктті, дәлізді немесе серіктесті таңдаңыз.</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>жою: {kind}</translation>
    </message>
    <message>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>Жойылды. Ctrl+Z оны қайтарады.</translation>
    </message>
    <message>
        <source>Saved to {file}. Ctrl+Z undoes it while this window is open.</source>
        <translation>{file} файлына сақталды. Осы терезе ашық тұрғанда Ctrl+Z өзгерісті кері қайтарады.</translation>
    </message>
    <message>
        <source>This database is read-only: nothing can be imported.</source>
        <translation>Бұл дерекқор тек оқу үшін ашылған: импорттау мүмкін емес.</translation>
    </message>
    <message>
        <source>Team server: read only</source>
        <translation>Топ сервері: тек оқу</translation>
    </message>
    <message>
        <source>Your server account may read the team&apos;s records but not change them: your changes stay on this laptop.</source>
        <translation>Сервердегі тіркелгіңіз топ жазбаларын оқи алады, бірақ өзгерте алмайды: өзгерістеріңіз осы ноутбукте қалады.</translation>
    </message>
    <message>
        <source>Synced with the team server.</source>
        <translation>Топ серверімен сәйкестендірілді.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Дерекқордың сақтық көшірмесін жасау</translation>
    </message>
    <message>
        <source>Databases (*.sqlite)</source>
        <translation>Дерекқорлар (*.sqlite)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Сақтық көшірме жасалуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Backed up to {path} and checked.</source>
        <translation>Сақтық көшірме {path} файлына сақталып, тексерілді.</translation>
    </message>
    <message>
        <source>This database is read-only: it cannot be restored here.</source>
        <translation>Бұл дерекқор тек оқу үшін ашылған: оны мұнда қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Сақтық көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Databases (*.sqlite);;All files (*)</source>
        <translation>Дерекқорлар (*.sqlite);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Replace every record with those of {file}? Changes made since that backup are lost, and the edits of this session can no longer be undone.</source>
        <translation>Барлық жазбаны {file} файлындағы жазбалармен ауыстыру керек пе? Сол көшірмеден кейін енгізілген өзгерістер жоғалады, ал осы сеанстағы түзетулерді енді кері қайтару мүмкін болмайды.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Қалпына келтірілді.</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Барлық серіктестер</translation>
    </message>
    <message>
        <source>{app} — {file}</source>
        <translation>{app} — {file}</translation>
    </message>
    <message>
        <source>Read-only: this database file or its folder cannot be written, so editing is off. {reason}</source>
        <translation>Тек оқу: бұл дерекқор файлына немесе оның қалтасына жазу мүмкін емес, сондықтан өңдеу өшірулі. {reason}</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Серіктес:</translation>
    </message>
    <message>
        <source>The database file {file} could not be read: {error}</source>
        <translation>{file} дерекқор файлын оқу мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>(+{n} other sources&apos; versions)</source>
        <translation>(+{n} басқа дереккөз нұсқасы)</translation>
    </message>
    <message>
        <source>{path} · {agreements} agreements{agreements_more} · {events} events{events_more} · {partners} partners · {sources} sources</source>
        <translation>{path} · {agreements} келісім{agreements_more} · {events} оқиға{events_more} · {partners} серіктес · {sources} дереккөз</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved.</source>
        <translation>Тек оқу: өзгерістерді сақтау мүмкін емес.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} туралы</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;An offline reference on Kazakhstan&apos;s agreements, trade and transport corridors with its partners.&lt;br&gt;It never connects to the network.&lt;br&gt;&lt;br&gt;Database: {path}</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Қазақстанның серіктестерімен жасасқан келісімдері, саудасы және көлік дәліздері туралы желіден тыс жұмыс істейтін анықтамалық.&lt;br&gt;Бағдарлама желіге ешқашан қосылмайды.&lt;br&gt;&lt;br&gt;Дерекқор: {path}</translation>
    </message>
</context>
<context>
    <name>PartnerOverview</name>
    <message>
        <source>This partner is not in the database.</source>
        <translation>Бұл серіктес дерекқорда жоқ.</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Барлық серіктестер</translation>
    </message>
    <message>
        <source>Choose a partner to see its overview.</source>
        <translation>Шолуды көру үшін серіктесті таңдаңыз.</translation>
    </message>
    <message>
        <source>no events recorded</source>
        <translation>оқиғалар тіркелмеген</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n оқиға</numerusform>
            <numerusform>%n оқиға</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} — {events}</source>
        <translation>{name} — {events}</translation>
    </message>
    <message>
        <source>Show the overview of {name}</source>
        <translation>Шолуды көрсету: {name}</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Ағылшынша</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>{language}: {name}</source>
        <translation>{language}: {name}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Level of relations</source>
        <translation>Қатынастар деңгейі</translation>
    </message>
    <message>
        <source>since {year}</source>
        <translation>{year} жылдан бері</translation>
    </message>
    <message>
        <source>since: not recorded</source>
        <translation>басталған жылы көрсетілмеген</translation>
    </message>
    <message>
        <source>{value} ({since})</source>
        <translation>{value} ({since})</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>күні көрсетілмеген</translation>
    </message>
    <message>
        <source>Earlier: {history}</source>
        <translation>Бұрын: {history}</translation>
    </message>
    <message>
        <source>Diplomatic relations established</source>
        <translation>Дипломатиялық қатынастар орнатылды</translation>
    </message>
    <message>
        <source>[EN]</source>
        <translation>[ағылш.]</translation>
    </message>
    <message>
        <source>[RU]</source>
        <translation>[орыс.]</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>Ынтымақтастық тетіктері</translation>
    </message>
    <message>
        <source>established {date}</source>
        <translation>құрылған күні: {date}</translation>
    </message>
    <message>
        <source>established: not recorded</source>
        <translation>құрылған күні көрсетілмеген</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Негізгі фактілер</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>деректер жоқ</translation>
    </message>
    <message>
        <source>Show fewer facts</source>
        <translation>Азырақ көрсету</translation>
    </message>
    <message>
        <source>Show all {n} facts</source>
        <translation>Барлық фактіні көрсету ({n})</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>{date} жағдай бойынша</translation>
    </message>
    <message>
        <source>{value} — {metric}</source>
        <translation>{value} — {metric}</translation>
    </message>
    <message>
        <source>Other value: {values}</source>
        <translation>Басқа мәні: {values}</translation>
    </message>
    <message>
        <source>source not recorded</source>
        <translation>дереккөзі көрсетілмеген</translation>
    </message>
    <message>
        <source>{publisher}, {date}</source>
        <translation>{publisher}, {date}</translation>
    </message>
    <message>
        <source>unnamed source</source>
        <translation>атаусыз дереккөз</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>күні көрсетілмеген</translation>
    </message>
    <message>
        <source>{source} (+{n} more)</source>
        <translation>{source} (тағы {n})</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Дереккөздер:</translation>
    </message>
    <message>
        <source>{publisher} ({kind}), {date}: {title}</source>
        <translation>{publisher} ({kind}), {date}: {title}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>атаусыз</translation>
    </message>
    <message>
        <source>over {n}</source>
        <translation>кемінде {n}</translation>
    </message>
    <message>
        <source>about {n}</source>
        <translation>шамамен {n}</translation>
    </message>
    <message>
        <source>up to {n}</source>
        <translation>көп дегенде {n}</translation>
    </message>
    <message>
        <source>{value} {unit}</source>
        <translation>{value} {unit}</translation>
    </message>
</context>
<context>
    <name>RecordBrowser</name>
    <message>
        <source>Records</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Барлық серіктестер</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Сүзгі</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Қосу…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Өңдеу…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Тарих…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Серіктес:</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>жою: {kind}</translation>
    </message>
</context>
<context>
    <name>RecordChooser</name>
    <message>
        <source>— (type to find)</source>
        <translation>— (іздеу үшін теріңіз)</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Edit {kind}</source>
        <translation>Өңдеу: {kind}</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>Қосу: {kind}</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Атауы (ағылш.)</translation>
    </message>
    <message>
        <source>Title (Russian)</source>
        <translation>Атауы (орыс.)</translation>
    </message>
    <message>
        <source>Title (Kazakh)</source>
        <translation>Атауы (қаз.)</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Қол қойылған күні</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Құжат түрі</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Деңгейі</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Documents in it</source>
        <translation>Ондағы құжаттар саны</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Қол қойылған оқиға</translation>
    </message>
    <message>
        <source>Summary (English)</source>
        <translation>Қысқаша мазмұны (ағылш.)</translation>
    </message>
    <message>
        <source>Summary (Russian)</source>
        <translation>Қысқаша мазмұны (орыс.)</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Серіктестер</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Салалар</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Басталған күні</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Аяқталған күні</translation>
    </message>
    <message>
        <source>Place (English)</source>
        <translation>Өткізілген жері (ағылш.)</translation>
    </message>
    <message>
        <source>Place (Russian)</source>
        <translation>Өткізілген жері (орыс.)</translation>
    </message>
    <message>
        <source>Documents signed</source>
        <translation>Қол қойылған құжаттар саны</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Серіктес</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Жыл</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <source>Turnover, USD million</source>
        <translation>Тауар айналымы, млн АҚШ доллары</translation>
    </message>
    <message>
        <source>Exports, USD million</source>
        <translation>Экспорт, млн АҚШ доллары</translation>
    </message>
    <message>
        <source>Imports, USD million</source>
        <translation>Импорт, млн АҚШ доллары</translation>
    </message>
    <message>
        <source>Whose statistics</source>
        <translation>Кімнің статистикасы</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Дәлдігі</translation>
    </message>
    <message>
        <source>Note (English)</source>
        <translation>Ескертпе (ағылш.)</translation>
    </message>
    <message>
        <source>Note (Russian)</source>
        <translation>Ескертпе (орыс.)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Көрсеткіш</translation>
    </message>
    <message>
        <source>Value, USD million</source>
        <translation>Мәні, млн АҚШ доллары</translation>
    </message>
    <message>
        <source>Multiple (×)</source>
        <translation>Еселік (×)</translation>
    </message>
    <message>
        <source>By the year</source>
        <translation>Қай жылға қарай</translation>
    </message>
    <message>
        <source>Horizon as stated (English)</source>
        <translation>Мәлімделген мерзім (ағылш.)</translation>
    </message>
    <message>
        <source>Horizon as stated (Russian)</source>
        <translation>Мәлімделген мерзім (орыс.)</translation>
    </message>
    <message>
        <source>Stated on</source>
        <translation>Мәлімделген күні</translation>
    </message>
    <message>
        <source>Stated by (English)</source>
        <translation>Кім мәлімдеді (ағылш.)</translation>
    </message>
    <message>
        <source>Stated by (Russian)</source>
        <translation>Кім мәлімдеді (орыс.)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Дәліз</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <source>Value as a number</source>
        <translation>Сан түріндегі мәні</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Өлшем бірлігі</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Қай күнгі жағдай</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Мекенжайы (URL)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Жариялаушы</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Жарияланған күні</translation>
    </message>
    <message>
        <source>Language code</source>
        <translation>Тіл коды</translation>
    </message>
    <message>
        <source>What was taken from it</source>
        <translation>Одан не алынды</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Атауы (ағылш.)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Атауы (орыс.)</translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation>Атауы (қаз.)</translation>
    </message>
    <message>
        <source>Country (ISO 3166 code)</source>
        <translation>Ел (ISO 3166 коды)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Ендік</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Бойлық</translation>
    </message>
    <message>
        <source>From node</source>
        <translation>Бастапқы пункт</translation>
    </message>
    <message>
        <source>To node</source>
        <translation>Соңғы пункт</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Көлік түрі</translation>
    </message>
    <message>
        <source>Length, km</source>
        <translation>Ұзындығы, км</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Сипаттамасы (ағылш.)</translation>
    </message>
    <message>
        <source>Description (Russian)</source>
        <translation>Сипаттамасы (орыс.)</translation>
    </message>
    <message>
        <source>ISO 3166 code</source>
        <translation>ISO 3166 коды</translation>
    </message>
    <message>
        <source>Focus partner</source>
        <translation>Басым серіктес</translation>
    </message>
    <message>
        <source>Order in lists</source>
        <translation>Тізімдердегі реті</translation>
    </message>
    <message>
        <source>Group (names of one thing)</source>
        <translation>Топ (бір нәрсенің атаулары)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Language (ISO 639-1 code)</source>
        <translation>Тілі (ISO 639-1 коды)</translation>
    </message>
    <message>
        <source>Working Russian translation (unofficial)</source>
        <translation>Орыс тіліне жұмыс аудармасы (ресми емес)</translation>
    </message>
    <message>
        <source>Base year (increase, multiple)</source>
        <translation>Базалық жыл (өсім, еселік)</translation>
    </message>
    <message>
        <source>An estimate, not a target</source>
        <translation>Меже емес, бағалау</translation>
    </message>
    <message>
        <source>Role of who stated it</source>
        <translation>Мәлімдеген адамның рөлі</translation>
    </message>
    <message>
        <source>Value (Russian words)</source>
        <translation>Мәні (орыс тілінде)</translation>
    </message>
    <message>
        <source>Approximate position (of the nearest town or district)</source>
        <translation>Шамамен алынған орын (ең жақын елді мекеннің немесе ауданның)</translation>
    </message>
    <message>
        <source>Approximate position taken from</source>
        <translation>Шамамен алынған орын қайдан алынды</translation>
    </message>
    <message>
        <source>Route: the points the line passes (JSON list)</source>
        <translation>Бағыт: сызық өтетін нүктелер (JSON тізімі)</translation>
    </message>
    <message>
        <source>Working Kazakh translation (unofficial)</source>
        <translation>Қазақ тіліне жұмыс аудармасы (ресми емес)</translation>
    </message>
    <message>
        <source>Value (Kazakh words)</source>
        <translation>Мәні (қазақ тілінде)</translation>
    </message>
    <message>
        <source>Description (Kazakh)</source>
        <translation>Сипаттамасы (қаз.)</translation>
    </message>
    <message>
        <source>What the number is</source>
        <translation>Сан нені білдіреді</translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation>Дереккөз түрі</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <source>Fill in at least one of these.</source>
        <translation>Осылардың кемінде біреуін толтырыңыз.</translation>
    </message>
    <message>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation>Тым ұзын: {length} таңба, ең көбі {max} болуы керек.</translation>
    </message>
    <message>
        <source>Contains control characters (such as NUL); remove them.</source>
        <translation>Басқару таңбалары бар (мысалы, NUL); оларды алып тастаңыз.</translation>
    </message>
    <message>
        <source>Contains characters that cannot be stored.</source>
        <translation>Сақтауға болмайтын таңбалар бар.</translation>
    </message>
    <message>
        <source>There is no such day in the calendar: {month} {year} has {days} days.</source>
        <translation>Күнтізбеде мұндай күн жоқ: {year} жылғы {month} айында {days} күн бар.</translation>
    </message>
    <message>
        <source>There is no such month in the calendar: a year has 12 months.</source>
        <translation>Күнтізбеде мұндай ай жоқ: жылда 12 ай бар.</translation>
    </message>
    <message>
        <source>The year must be between {min} and {max}.</source>
        <translation>Жылдың рұқсат етілген аралығы: {min}–{max}.</translation>
    </message>
    <message>
        <source>Not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>Күн дұрыс жазылмаған: ЖЖЖЖ, ЖЖЖЖ-АА, ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ түрінде жазыңыз.</translation>
    </message>
    <message>
        <source>Not a number: write for example 1 234,5 or 1234.5.</source>
        <translation>Сан емес: мысалы, 1 234,5 немесе 1234.5 деп жазыңыз.</translation>
    </message>
    <message>
        <source>A whole number is needed.</source>
        <translation>Бүтін сан қажет.</translation>
    </message>
    <message>
        <source>Must be between {min} and {max}.</source>
        <translation>Рұқсат етілген аралық: {min}–{max}.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>Теріс сан болмауы керек.</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>Таңдау нұсқаларының арасында жоқ.</translation>
    </message>
    <message>
        <source>“{value}” is not an ISO 3166 country code.</source>
        <translation>«{value}» — ISO 3166 ел коды емес.</translation>
    </message>
    <message>
        <source>Refers to a record that does not exist.</source>
        <translation>Жоқ жазбаға сілтеме жасайды.</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Аяқталу күні басталу күнінен бұрын.</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Ендікті де, бойлықты да көрсетіңіз не екеуін де бос қалдырыңыз.</translation>
    </message>
    <message>
        <source>A segment needs two different nodes.</source>
        <translation>Учаскеге екі түрлі пункт қажет.</translation>
    </message>
    <message>
        <source>An address must begin with http:// or https://, without spaces.</source>
        <translation>Мекенжай http:// немесе https:// деп басталуы және бос орынсыз болуы керек.</translation>
    </message>
    <message>
        <source>Write FY, H1, Q1 or the months covered, such as 9M.</source>
        <translation>FY, H1, Q1 немесе қамтылған айлар санын жазыңыз, мысалы, 9M.</translation>
    </message>
    <message>
        <source>Yes or no.</source>
        <translation>Иә немесе жоқ.</translation>
    </message>
    <message>
        <source>Not a route: {detail}. Write a JSON list of points such as [{{&quot;lat&quot;: 45.3, &quot;lon&quot;: 55.2, &quot;name_en&quot;: &quot;Beyneu&quot;, &quot;source&quot;: &quot;src_…&quot;}}].</source>
        <translation>Бағыт емес: {detail}. Нүктелердің JSON тізімін жазыңыз, мысалы, [{{&quot;lat&quot;: 45.3, &quot;lon&quot;: 55.2, &quot;name_en&quot;: &quot;Beyneu&quot;, &quot;source&quot;: &quot;src_…&quot;}}].</translation>
    </message>
    <message>
        <source>An approximate position needs a latitude and a longitude.</source>
        <translation>Шамамен алынған орын үшін ендік пен бойлық қажет.</translation>
    </message>
    <message>
        <source>Say where the approximate position was taken from.</source>
        <translation>Шамамен алынған орынның қайдан алынғанын көрсетіңіз.</translation>
    </message>
    <message>
        <source>A partner with the code {value} exists already.</source>
        <translation>Коды {value} болатын серіктес бұрыннан бар.</translation>
    </message>
    <message>
        <source>Use lowercase Latin letters, digits, “_”, “.” and “-” only, beginning with a letter or digit, at most 80 (for example port_aktau).</source>
        <translation>Тек кіші латын әріптерін, цифрларды, «_», «.» және «-» таңбаларын қолданыңыз; әріптен немесе цифрдан басталсын, ең көбі 80 таңба (мысалы, port_aktau).</translation>
    </message>
    <message>
        <source>A name needs at least one word that search can find, not only signs.</source>
        <translation>Атауда тек белгілер емес, іздеу таба алатын кемінде бір сөз болуы керек.</translation>
    </message>
    <message>
        <source>A former name is a fact: cite at least one source.</source>
        <translation>Бұрынғы атау — факт: кемінде бір дереккөз көрсетіңіз.</translation>
    </message>
    <message>
        <source>This group has the name “{value}” already.</source>
        <translation>Бұл топта «{value}» атауы бұрыннан бар.</translation>
    </message>
    <message>
        <source>Not valid ({code}).</source>
        <translation>Жарамсыз ({code}).</translation>
    </message>
    <message>
        <source>Kazakhstan&apos;s statistics</source>
        <translation>Қазақстан статистикасы</translation>
    </message>
    <message>
        <source>the partner&apos;s statistics</source>
        <translation>серіктес статистикасы</translation>
    </message>
    <message>
        <source>another source</source>
        <translation>басқа дереккөз</translation>
    </message>
    <message>
        <source>source not stated</source>
        <translation>дереккөзі көрсетілмеген</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>дәл</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>шамамен</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>кемінде</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>көп дегенде</translation>
    </message>
    <message>
        <source>turnover</source>
        <translation>тауар айналымы</translation>
    </message>
    <message>
        <source>exports</source>
        <translation>экспорт</translation>
    </message>
    <message>
        <source>imports</source>
        <translation>импорт</translation>
    </message>
    <message>
        <source>name</source>
        <translation>атау</translation>
    </message>
    <message>
        <source>former name</source>
        <translation>бұрынғы атау</translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation>қысқартылған атау</translation>
    </message>
    <message>
        <source>other spelling</source>
        <translation>басқаша жазылуы</translation>
    </message>
    <message>
        <source>synonym</source>
        <translation>синоним</translation>
    </message>
    <message>
        <source>a level to reach</source>
        <translation>қол жеткізілетін деңгей</translation>
    </message>
    <message>
        <source>an increase by the value</source>
        <translation>осы шамаға өсу</translation>
    </message>
    <message>
        <source>a multiple of the base year</source>
        <translation>базалық жылға қатысты еселік</translation>
    </message>
    <message>
        <source>head of state</source>
        <translation>мемлекет басшысы</translation>
    </message>
    <message>
        <source>head of government</source>
        <translation>үкімет басшысы</translation>
    </message>
    <message>
        <source>minister</source>
        <translation>министр</translation>
    </message>
    <message>
        <source>official</source>
        <translation>лауазымды тұлға</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>сарапшы</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>талдаушы</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>агенттік</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>ЖЖЖЖ, ЖЖЖЖ-АА, ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>сан</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>%n өрісті тексеру қажет.</numerusform>
            <numerusform>%n өрісті тексеру қажет.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add {kind}</source>
        <translation>қосу: {kind}</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>келісім</translation>
    </message>
    <message>
        <source>event</source>
        <translation>оқиға</translation>
    </message>
    <message>
        <source>trade figure</source>
        <translation>сауда көрсеткіші</translation>
    </message>
    <message>
        <source>target</source>
        <translation>меже</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>факт</translation>
    </message>
    <message>
        <source>source</source>
        <translation>дереккөз</translation>
    </message>
    <message>
        <source>node</source>
        <translation>пункт</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>учаске</translation>
    </message>
    <message>
        <source>corridor</source>
        <translation>дәліз</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>серіктес</translation>
    </message>
    <message>
        <source>other name</source>
        <translation>басқа атау</translation>
    </message>
</context>
<context>
    <name>SourceKinds</name>
    <message>
        <source>official (primary)</source>
        <translation>ресми (бастапқы дереккөз)</translation>
    </message>
    <message>
        <source>official (state news agency)</source>
        <translation>ресми (мемлекеттік ақпарат агенттігі)</translation>
    </message>
    <message>
        <source>independent media</source>
        <translation>тәуелсіз БАҚ</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>aggregator or blog</source>
        <translation>агрегатор немесе блог</translation>
    </message>
    <message>
        <source>encyclopedia</source>
        <translation>энциклопедия</translation>
    </message>
    <message>
        <source>kind not recorded</source>
        <translation>түрі көрсетілмеген</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Your database {path} could not be read ({reason}). Nothing in it was changed or moved. Close any other program that is using it, check that you may read the file and that its disk or network drive is there, then start {app} again.</source>
        <translation>{path} дерекқорыңызды оқу мүмкін болмады ({reason}). Ондағы ештеңе өзгертілген де, жылжытылған да жоқ. Оны пайдаланып отырған басқа бағдарламаларды жабыңыз, файлды оқуға рұқсатыңыз бар екенін және оның дискісі не желілік дискісі қолжетімді екенін тексеріңіз, содан кейін {app} бағдарламасын қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>Your database was damaged ({problem}). It was moved aside as {moved}, not deleted. Continue with the newest good backup, or with the reference data shipped with the program?</source>
        <translation>Дерекқорыңыз зақымдалған ({problem}). Ол жойылған жоқ, {moved} ретінде бөлек сақталды. Ең соңғы жарамды сақтық көшірмемен жалғастырасыз ба, әлде бағдарламамен бірге жеткізілген анықтамалық деректермен бе?</translation>
    </message>
    <message>
        <source>Newest backup</source>
        <translation>Ең соңғы сақтық көшірме</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Анықтамалық деректер</translation>
    </message>
    <message>
        <source>Newer reference data was merged into your database. Records added: {added}, updated: {updated}.</source>
        <translation>Жаңарақ анықтамалық деректер дерекқорыңызға біріктірілді. Қосылған жазбалар: {added}, жаңартылғаны: {updated}.</translation>
    </message>
    <message>
        <source>Records kept with your changes although the newer data differs: {count}.</source>
        <translation>Жаңарақ деректер өзгеше болса да, сіздің өзгерістеріңізбен сақталған жазбалар: {count}.</translation>
    </message>
    <message>
        <source>Records that could not be merged: {count}.</source>
        <translation>Біріктіру мүмкін болмаған жазбалар: {count}.</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… және тағы {count}.</translation>
    </message>
    <message>
        <source>mechanism</source>
        <translation>тетік</translation>
    </message>
    <message>
        <source>project</source>
        <translation>жоба</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Пункттер</translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation>Деректердегі алшақтық</translation>
    </message>
    <message>
        <source>{path} is open read-only: the newer reference data cannot be merged into it.</source>
        <translation>{path} тек оқу үшін ашылған: жаңарақ анықтамалық деректерді оған біріктіру мүмкін емес.</translation>
    </message>
    <message>
        <source>The reference data shipped with the program ({path}) is missing: nothing was merged.</source>
        <translation>Бағдарламамен бірге жеткізілген анықтамалық деректер ({path}) жоқ: ештеңе біріктірілмеді.</translation>
    </message>
    <message>
        <source>Your database could not be backed up before merging the newer reference data, so nothing was merged: {detail}</source>
        <translation>Жаңарақ анықтамалық деректерді біріктірер алдында дерекқорыңыздың сақтық көшірмесін жасау мүмкін болмады, сондықтан ештеңе біріктірілмеді: {detail}</translation>
    </message>
    <message>
        <source>The reference data shipped with the program ({path}) cannot be read ({detail}): nothing was merged.</source>
        <translation>Бағдарламамен бірге жеткізілген анықтамалық деректерді ({path}) оқу мүмкін емес ({detail}): ештеңе біріктірілмеді.</translation>
    </message>
    <message>
        <source>The newer reference data could not be merged ({detail}). Your database was left as it was; a backup is at {backup}.</source>
        <translation>Жаңарақ анықтамалық деректерді біріктіру мүмкін болмады ({detail}). Дерекқорыңыз бұрынғы күйінде қалдырылды; сақтық көшірмесі: {backup}.</translation>
    </message>
    <message>
        <source>Merging the newer reference data would leave broken references ({detail}): nothing was changed.</source>
        <translation>Жаңарақ анықтамалық деректерді біріктіру бұзылған сілтемелерге әкелер еді ({detail}): ештеңе өзгертілмеді.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with Team Server</source>
        <translation>Топ серверімен сәйкестендіру</translation>
    </message>
    <message>
        <source>A PostgreSQL connection string, a postgresql:// address or service=NAME. Passwords are read from your PostgreSQL password file (~/.pgpass) or asked for; Partnership Atlas never stores them.</source>
        <translation>PostgreSQL қосылу жолы, postgresql:// мекенжайы немесе service=АТАУ. Құпиясөздер PostgreSQL құпиясөз файлынан (~/.pgpass) оқылады немесе сұралады; Partnership Atlas оларды сақтамайды.</translation>
    </message>
    <message>
        <source>Team server:</source>
        <translation>Топ сервері:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Сәйкестендіру</translation>
    </message>
    <message>
        <source>This database is open read-only: a sync cannot write into it.</source>
        <translation>Дерекқор тек оқуға ашық: сәйкестендіру оған жаза алмайды.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts… (%n)</source>
        <translation>
            <numerusform>Қайшылықтар… (%n)</numerusform>
            <numerusform>Қайшылықтар… (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name the team server first.</source>
        <translation>Алдымен топ серверін көрсетіңіз.</translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation>Топ серверімен сәйкестендіру…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>The sync was cancelled. What was received or sent before stays done; the next sync goes on from there.</source>
        <translation>Сәйкестендіру тоқтатылды. Оған дейін алынған не жіберілген сақталады; келесі сәйкестендіру сол жерден жалғасады.</translation>
    </message>
    <message>
        <source>The sync stopped: {reason}</source>
        <translation>Сәйкестендіру тоқтады: {reason}</translation>
    </message>
    <message>
        <source>Team server password</source>
        <translation>Топ серверінің құпиясөзі</translation>
    </message>
    <message>
        <source>The team server asks for the password of this account. It is used for this sync only; to be asked no more, put it in your PostgreSQL password file (~/.pgpass).</source>
        <translation>Топ сервері осы тіркелгінің құпиясөзін сұрайды. Ол тек осы сәйкестендіруге қолданылады; қайта сұралмас үшін оны PostgreSQL құпиясөз файлына (~/.pgpass) жазыңыз.</translation>
    </message>
    <message>
        <source>The team server could not be reached. You can keep working: your changes stay here and go out at the next sync. ({detail})</source>
        <translation>Топ серверіне қосылу мүмкін болмады. Жұмысты жалғастыра беруге болады: өзгерістер осында қалып, келесі сәйкестендіруде жіберіледі. ({detail})</translation>
    </message>
    <message>
        <source>The team server refused the password, or needs one. ({detail})</source>
        <translation>Топ сервері құпиясөзді қабылдамады немесе оны талап етеді. ({detail})</translation>
    </message>
    <message>
        <source>This database is not a Partnership Atlas team server yet: its administrator sets it up with `partnership-atlas server init`.</source>
        <translation>Бұл дерекқор әлі Partnership Atlas топ сервері емес: әкімші оны `partnership-atlas server init` командасымен баптайды.</translation>
    </message>
    <message>
        <source>The team server was set up by a newer version of Partnership Atlas: update this program to sync with it.</source>
        <translation>Топ сервері Partnership Atlas-тың жаңарақ нұсқасымен бапталған: онымен сәйкестендіру үшін бағдарламаны жаңартыңыз.</translation>
    </message>
    <message>
        <source>Your server account may read the team&apos;s records but not change them.</source>
        <translation>Сервердегі тіркелгіңіз топ жазбаларын оқи алады, бірақ өзгерте алмайды.</translation>
    </message>
    <message>
        <source>Only curators may change the vocabularies on the team server.</source>
        <translation>Топ серверіндегі анықтамалықтарды тек кураторлар өзгерте алады.</translation>
    </message>
    <message>
        <source>The connection to the team server broke during the sync. The step it cut off was kept whole or not at all; sync again when the server is back.</source>
        <translation>Сәйкестендіру кезінде топ серверімен байланыс үзілді. Үзілген қадам толық сақталды немесе мүлде сақталмады; сервер қолжетімді болғанда қайта сәйкестендіріңіз.</translation>
    </message>
    <message>
        <source>The team server&apos;s address is not a valid connection string. Write it as host=… dbname=… user=…, a postgresql:// address or service=NAME. ({detail})</source>
        <translation>Топ серверінің мекенжайы жарамды қосылу жолы емес. Оны host=… dbname=… user=…, postgresql:// мекенжайы немесе service=АТАУ түрінде жазыңыз. ({detail})</translation>
    </message>
    <message>
        <source>The team server refused: {detail}</source>
        <translation>Топ сервері бас тартты: {detail}</translation>
    </message>
    <message numerus="yes">
        <source>Before it stopped, the sync had received %n change(s)</source>
        <translation>
            <numerusform>Тоқтағанға дейін сәйкестендіру %n өзгеріс алды</numerusform>
            <numerusform>Тоқтағанға дейін сәйкестендіру %n өзгеріс алды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and sent %n record(s).</source>
        <translation>
            <numerusform>және %n жазба жіберді.</numerusform>
            <numerusform>және %n жазба жіберді.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s) from the team.</source>
        <translation>
            <numerusform>Топтан %n өзгеріс алынды.</numerusform>
            <numerusform>Топтан %n өзгеріс алынды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n record(s).</source>
        <translation>
            <numerusform>%n жазба жіберілді.</numerusform>
            <numerusform>%n жазба жіберілді.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed here and on the server: nothing was overwritten. Open Conflicts… to choose.</source>
        <translation>
            <numerusform>%n жазба мұнда да, серверде де өзгертілді: ештеңе қайта жазылмады. Таңдау үшін «Қайшылықтар…» ашыңыз.</numerusform>
            <numerusform>%n жазба мұнда да, серверде де өзгертілді: ештеңе қайта жазылмады. Таңдау үшін «Қайшылықтар…» ашыңыз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your choice.</source>
        <translation>
            <numerusform>%n қайшылық таңдауыңызды күтуде.</numerusform>
            <numerusform>%n қайшылық таңдауыңызды күтуде.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change set(s) wait until the conflicts are settled.</source>
        <translation>
            <numerusform>%n өзгерістер жиыны қайшылықтар шешілгенше күтеді.</numerusform>
            <numerusform>%n өзгерістер жиыны қайшылықтар шешілгенше күтеді.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary change(s) stay here: only curators may send them.</source>
        <translation>
            <numerusform>Анықтамалықтағы %n өзгеріс осында қалады: оларды тек кураторлар жібере алады.</numerusform>
            <numerusform>Анықтамалықтағы %n өзгеріс осында қалады: оларды тек кураторлар жібере алады.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from the server could not be written here.</source>
        <translation>
            <numerusform>Серверден келген %n жазбаны мұнда жазу мүмкін болмады.</numerusform>
            <numerusform>Серверден келген %n жазбаны мұнда жазу мүмкін болмады.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you deleted came back: records on the team server still need them.</source>
        <translation>
            <numerusform>Сіз жойған %n жазба қайта оралды: ол топ серверіндегі жазбаларға қажет.</numerusform>
            <numerusform>Сіз жойған %n жазба қайта оралды: ол топ серверіндегі жазбаларға қажет.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you sent referred to records a teammate had just deleted: the server removed those links, as deleting them here would have.</source>
        <translation>
            <numerusform>Сіз жіберген %n жазба әріптесіңіз жаңа ғана жойған жазбаларға сілтеме жасаған: сервер бұл сілтемелерді алып тастады, оларды осында жойғандағыдай.</numerusform>
            <numerusform>Сіз жіберген %n жазба әріптесіңіз жаңа ғана жойған жазбаларға сілтеме жасаған: сервер бұл сілтемелерді алып тастады, оларды осында жойғандағыдай.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account ({user}) may only read: your own changes stay on this laptop.</source>
        <translation>Тіркелгіңіз ({user}) тек оқи алады: өз өзгерістеріңіз осы ноутбукте қалады.</translation>
    </message>
    <message>
        <source>Undo starts afresh after changes from the team.</source>
        <translation>Топтан өзгерістер келгеннен кейін болдырмау қайта басталады.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Import Template</source>
        <translation>Импорт үлгісі</translation>
    </message>
    <message>
        <source>An empty Excel workbook to fill and import: the import&apos;s columns, what each holds, and drop-down lists of the values allowed.</source>
        <translation>Толтырып импорттауға арналған бос Excel кітабы: импорт бағандары, әрқайсысында не бар және рұқсат етілген мәндердің ашылмалы тізімдері.</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Language of the descriptions:</source>
        <translation>Сипаттамалар тілі:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сақтау…</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The template could not be written to {path}: {error}</source>
        <translation>Үлгіні {path} файлына жазу мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>Wrote the import template to {path}.</source>
        <translation>Импорт үлгісі {path} файлына жазылды.</translation>
    </message>
</context>
<context>
    <name>TradeView</name>
    <message>
        <source>Kazakhstan&apos;s statistics</source>
        <translation>Қазақстан статистикасы</translation>
    </message>
    <message>
        <source>{partner}&apos;s statistics</source>
        <translation>{partner} статистикасы</translation>
    </message>
    <message>
        <source>the partner&apos;s statistics</source>
        <translation>серіктес статистикасы</translation>
    </message>
    <message>
        <source>another source</source>
        <translation>басқа дереккөз</translation>
    </message>
    <message>
        <source>source not stated</source>
        <translation>дереккөзі көрсетілмеген</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Тауар айналымы</translation>
    </message>
    <message>
        <source>Exports from Kazakhstan</source>
        <translation>Қазақстан экспорты</translation>
    </message>
    <message>
        <source>Imports to Kazakhstan</source>
        <translation>Қазақстан импорты</translation>
    </message>
    <message>
        <source>${n} bn</source>
        <translation>${n} млрд</translation>
    </message>
    <message>
        <source>${n} m</source>
        <translation>${n} млн</translation>
    </message>
    <message>
        <source>about {v}</source>
        <translation>шамамен {v}</translation>
    </message>
    <message>
        <source>over {v}</source>
        <translation>кемінде {v}</translation>
    </message>
    <message>
        <source>under {v}</source>
        <translation>көп дегенде {v}</translation>
    </message>
    <message>
        <source>Other sources&apos; figures</source>
        <translation>Басқа дереккөздер</translation>
    </message>
    <message>
        <source>Show the figures of the partner&apos;s statistics and other sources where they differ from the preferred one</source>
        <translation>Серіктес статистикасы мен басқа дереккөздердің таңдаулы мәннен өзгеше деректерін көрсету</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Межелер</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>Бағалаулар</translation>
    </message>
    <message>
        <source>Show estimates by experts, analysts and agencies (not the parties&apos; targets), drawn lighter</source>
        <translation>Сарапшылардың, талдаушылардың және агенттіктердің бағалауларын (тараптардың межелерін емес) ашығырақ түспен көрсету</translation>
    </message>
    <message>
        <source>Partner&apos;s statistics as a line</source>
        <translation>Серіктес статистикасы сызықпен</translation>
    </message>
    <message>
        <source>Draw the partner&apos;s own statistics as lines of their own (dashed) beside Kazakhstan&apos;s</source>
        <translation>Серіктестің өз статистикасын Қазақстан статистикасының қасында жеке (үзік) сызықтармен көрсету</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Графикті PNG суреті ретінде сақтау</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the chart as an SVG drawing</source>
        <translation>Графикті SVG векторлық суреті ретінде сақтау</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the plotted numbers as CSV</source>
        <translation>Графиктегі сандарды CSV пішімінде сақтау</translation>
    </message>
    <message>
        <source>Compare turnover with</source>
        <translation>Тауар айналымын салыстыру</translation>
    </message>
    <message>
        <source>Filter partners</source>
        <translation>Серіктестерді сүзу</translation>
    </message>
    <message>
        <source>Targets announced</source>
        <translation>Жарияланған межелер</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Жыл</translation>
    </message>
    <message>
        <source>Lines: {statistics}, in US dollars, seen from Kazakhstan. Hollow markers are parts of a year (not comparable with a full year); other markers are the partner&apos;s statistics and other sources&apos; figures, never joined to the lines.</source>
        <translation>Сызықтар: {statistics}, АҚШ долларымен, Қазақстан тарапынан. Іші бос белгілер — жылдың бөлігі (толық жылмен салыстыруға келмейді); басқа белгілер — серіктес статистикасы мен басқа дереккөздердің деректері, олар сызықтарға қосылмайды.</translation>
    </message>
    <message>
        <source>Dashed lines: {statistics}.</source>
        <translation>Үзік сызықтар: {statistics}.</translation>
    </message>
    <message>
        <source>Trade turnover with each partner</source>
        <translation>Әр серіктеспен тауар айналымы</translation>
    </message>
    <message>
        <source>Choose a partner to see its targets.</source>
        <translation>Межелерді көру үшін серіктесті таңдаңыз.</translation>
    </message>
    <message>
        <source>Trade with {partner}</source>
        <translation>Сауда: {partner}</translation>
    </message>
    <message>
        <source>Part of a year</source>
        <translation>Жылдың бөлігі</translation>
    </message>
    <message>
        <source>{measure} ({statistics})</source>
        <translation>{measure} ({statistics})</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Меже</translation>
    </message>
    <message>
        <source>announcer not recorded</source>
        <translation>мәлімдеген адам көрсетілмеген</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>күні көрсетілмеген</translation>
    </message>
    <message>
        <source>{measure}: {value}</source>
        <translation>{measure}: {value}</translation>
    </message>
    <message>
        <source>Estimate: {value}</source>
        <translation>Бағалау: {value}</translation>
    </message>
    <message>
        <source>{value} — {who}, {when}</source>
        <translation>{value} — {who}, {when}</translation>
    </message>
    <message>
        <source>(by {year})</source>
        <translation>({year} жылға қарай)</translation>
    </message>
    <message>
        <source>(stated {n} times)</source>
        <translation>({n} рет мәлімделген)</translation>
    </message>
    <message>
        <source>amount not recorded</source>
        <translation>шамасы көрсетілмеген</translation>
    </message>
    <message>
        <source>+{amount} over {year}, the last full year before it was said ({base} → {value})</source>
        <translation>{year} жылмен салыстырғанда +{amount}, бұл — мәлімдеме жасалғанға дейінгі соңғы толық жыл ({base} → {value})</translation>
    </message>
    <message>
        <source>+{amount} (base year not stated)</source>
        <translation>+{amount} (базалық жыл көрсетілмеген)</translation>
    </message>
    <message>
        <source>+{amount} over {year} (no figure for {year})</source>
        <translation>{year} жылмен салыстырғанда +{amount} ({year} жылғы дерек жоқ)</translation>
    </message>
    <message>
        <source>+{amount} over {year} ({base} → {value})</source>
        <translation>{year} жылмен салыстырғанда +{amount} ({base} → {value})</translation>
    </message>
    <message>
        <source>×{m} (base year not stated)</source>
        <translation>×{m} (базалық жыл көрсетілмеген)</translation>
    </message>
    <message>
        <source>×{m} of {year} (no figure for {year})</source>
        <translation>{year} жылға қатысты ×{m} ({year} жылғы дерек жоқ)</translation>
    </message>
    <message>
        <source>×{m} of {year} ({base} → {value})</source>
        <translation>{year} жылға қатысты ×{m} ({base} → {value})</translation>
    </message>
    <message>
        <source>value not recorded</source>
        <translation>мәні көрсетілмеген</translation>
    </message>
    <message>
        <source>horizon passed, no figure for {year}</source>
        <translation>мерзімі өтті, {year} жылғы дерек жоқ</translation>
    </message>
    <message>
        <source>met ({year}: {value})</source>
        <translation>қол жеткізілді ({year}: {value})</translation>
    </message>
    <message>
        <source>missed ({year}: {value})</source>
        <translation>қол жеткізілмеді ({year}: {value})</translation>
    </message>
    <message>
        <source>needs {sign}{pct}% a year from {year}</source>
        <translation>{year} жылдан бастап жыл сайын {sign}{pct}% өсу қажет</translation>
    </message>
    <message>
        <source>No target is recorded for this partner.</source>
        <translation>Бұл серіктес бойынша меже тіркелмеген.</translation>
    </message>
    <message>
        <source>head of state</source>
        <translation>мемлекет басшысы</translation>
    </message>
    <message>
        <source>head of government</source>
        <translation>үкімет басшысы</translation>
    </message>
    <message>
        <source>minister</source>
        <translation>министр</translation>
    </message>
    <message>
        <source>official</source>
        <translation>лауазымды тұлға</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>сарапшы</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>талдаушы</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>агенттік</translation>
    </message>
    <message>
        <source>by {year}</source>
        <translation>{year} жылға қарай</translation>
    </message>
    <message>
        <source>no deadline given</source>
        <translation>мерзімі көрсетілмеген</translation>
    </message>
    <message>
        <source>(not the preferred statement)</source>
        <translation>(таңдаулы мәлімдеме емес)</translation>
    </message>
    <message>
        <source>no source recorded</source>
        <translation>дереккөзі көрсетілмеген</translation>
    </message>
    <message>
        <source>USD billion</source>
        <translation>млрд АҚШ доллары</translation>
    </message>
    <message>
        <source>USD million</source>
        <translation>млн АҚШ доллары</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>суретті жазу мүмкін болмады</translation>
    </message>
    <message>
        <source>the drawing could not be written</source>
        <translation>векторлық суретті жазу мүмкін болмады</translation>
    </message>
    <message>
        <source>The chart could not be saved to {path}: {error}</source>
        <translation>Графикті {path} файлына сақтау мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Графикті PNG ретінде сақтау</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG суреттері (*.png)</translation>
    </message>
    <message>
        <source>Save the chart as SVG</source>
        <translation>Графикті SVG ретінде сақтау</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG суреттері (*.svg)</translation>
    </message>
    <message>
        <source>Save the numbers as CSV</source>
        <translation>Сандарды CSV пішімінде сақтау</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
</context>
</TS>
