<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Add or update records from a CSV, Excel, JSON or UN Comtrade file (Ctrl+I)</source>
        <translation>Добавить или обновить записи из файла CSV, Excel, JSON или UN Comtrade (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Save records as CSV, Excel, JSON or GeoJSON (Ctrl+Shift+S)</source>
        <translation>Сохранить записи в CSV, Excel, JSON или GeoJSON (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Import &amp;Template…</source>
        <translation>&amp;Шаблон импорта…</translation>
    </message>
    <message>
        <source>Save an empty Excel workbook to fill for an import, with its columns described and lists of the values allowed</source>
        <translation>Сохранить пустую книгу Excel для заполнения и импорта: с описанием столбцов и списками допустимых значений</translation>
    </message>
    <message>
        <source>&amp;Fact Sheet…</source>
        <translation>&amp;Справка…</translation>
    </message>
    <message>
        <source>Print or save a partner&apos;s fact sheet in English or Russian (Ctrl+P)</source>
        <translation>Напечатать или сохранить справку по партнёру на английском или русском (Ctrl+P)</translation>
    </message>
    <message>
        <source>S&amp;ync with Team Server…</source>
        <translation>Син&amp;хронизировать с сервером команды…</translation>
    </message>
    <message>
        <source>Send your changes to the team server and receive the team&apos;s (Ctrl+Shift+Y)</source>
        <translation>Отправить свои изменения на сервер команды и получить изменения коллег (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>&amp;Резервная копия базы…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;New Agreement…</source>
        <translation>&amp;Новое соглашение…</translation>
    </message>
    <message>
        <source>Add an agreement (Ctrl+N)</source>
        <translation>Добавить соглашение (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit Selected…</source>
        <translation>&amp;Изменить выбранное…</translation>
    </message>
    <message>
        <source>Change the selected agreement, event, node, corridor or partner</source>
        <translation>Изменить выбранное соглашение, событие, пункт, коридор или партнёра</translation>
    </message>
    <message>
        <source>&amp;Delete Selected</source>
        <translation>&amp;Удалить выбранное</translation>
    </message>
    <message>
        <source>Delete the selected record (Ctrl+Z brings it back)</source>
        <translation>Удалить выбранную запись (Ctrl+Z вернёт её)</translation>
    </message>
    <message>
        <source>&amp;History of Selected…</source>
        <translation>&amp;История выбранного…</translation>
    </message>
    <message>
        <source>&amp;Records…</source>
        <translation>&amp;Записи…</translation>
    </message>
    <message>
        <source>Add, change and delete records of any kind (Ctrl+Shift+E)</source>
        <translation>Добавление, изменение и удаление записей любого вида (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Соглашения</translation>
    </message>
    <message>
        <source>Agreements, visits and sources (Ctrl+1)</source>
        <translation>Соглашения, визиты и источники (Ctrl+1)</translation>
    </message>
    <message>
        <source>&amp;Corridor Map</source>
        <translation>&amp;Карта коридоров</translation>
    </message>
    <message>
        <source>Transport corridors, ports and border crossings (Ctrl+2)</source>
        <translation>Транспортные коридоры, порты и погранпереходы (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>&amp;Торговля</translation>
    </message>
    <message>
        <source>Trade turnover, exports, imports and targets (Ctrl+3)</source>
        <translation>Товарооборот, экспорт, импорт и целевые показатели (Ctrl+3)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Find any record: agreements, events, places, facts, trade, sources (Ctrl+F)</source>
        <translation>Найти любую запись: соглашения, события, места, факты, торговлю, источники (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>Сбросить &amp;фильтры</translation>
    </message>
    <message>
        <source>Remove every filter and show all agreements</source>
        <translation>Снять все фильтры и показать все соглашения</translation>
    </message>
    <message>
        <source>All &amp;Partners</source>
        <translation>&amp;Все партнёры</translation>
    </message>
    <message>
        <source>Show every partner (Ctrl+0)</source>
        <translation>Показать всех партнёров (Ctrl+0)</translation>
    </message>
    <message>
        <source>&amp;About Partnership Atlas</source>
        <translation>&amp;О программе Partnership Atlas</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
</context>
<context>
    <name>AgreementDetail</name>
    <message>
        <source>This agreement is no longer in the database.</source>
        <translation>Этого соглашения больше нет в базе данных.</translation>
    </message>
    <message>
        <source>Select an agreement in the table to see its titles, sources and any conflicting values.</source>
        <translation>Выберите соглашение в таблице, чтобы увидеть его названия, источники и расхождения в данных.</translation>
    </message>
    <message>
        <source>Sources disagree about this agreement: see “Conflicting values” below.</source>
        <translation>Сведения источников об этом соглашении расходятся: см. раздел «Расхождения в данных» ниже.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое содержание</translation>
    </message>
    <message>
        <source>No summary recorded.</source>
        <translation>Краткое содержание отсутствует.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Visit or meeting</source>
        <translation>Визит или встреча</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Unofficial translation: the title was published only in another language (below).</source>
        <translation>Неофициальный перевод: название опубликовано только на другом языке (см. ниже).</translation>
    </message>
    <message>
        <source>Russian title: {title}</source>
        <translation>Название на русском: {title}</translation>
    </message>
    <message>
        <source>English title: {title}</source>
        <translation>Название на английском: {title}</translation>
    </message>
    <message>
        <source>Kazakh title: {title}</source>
        <translation>Название на казахском: {title}</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Отрасли</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n документ</numerusform>
            <numerusform>%n документа</numerusform>
            <numerusform>%n документов</numerusform>
        </translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>Not linked to a visit or meeting.</source>
        <translation>Не связано с визитом или встречей.</translation>
    </message>
    <message>
        <source>Untitled visit or meeting</source>
        <translation>Визит или встреча без названия</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>дата неизвестна</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>place unknown</source>
        <translation>место неизвестно</translation>
    </message>
    <message>
        <source>Show this visit or meeting</source>
        <translation>Показать этот визит или встречу</translation>
    </message>
    <message>
        <source>No source recorded for this agreement</source>
        <translation>Источник по этому соглашению не указан</translation>
    </message>
    <message>
        <source>publisher not recorded</source>
        <translation>издатель не указан</translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation>опубликовано {date}</translation>
    </message>
    <message>
        <source>Untitled source</source>
        <translation>Источник без названия</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>Open in browser…</source>
        <translation>Открыть в браузере…</translation>
    </message>
    <message>
        <source>Opens the page in your web browser. The atlas itself never goes online.</source>
        <translation>Открывает страницу в веб-браузере. Сам атлас к интернету не подключается.</translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation>Расхождения в данных</translation>
    </message>
    <message>
        <source>The sources disagree about this agreement. Every version is listed; the preferred one is used elsewhere in the atlas.</source>
        <translation>Источники расходятся в сведениях об этом соглашении. Ниже приведены все версии; в остальных разделах атласа используется предпочтительная.</translation>
    </message>
    <message>
        <source>★ preferred</source>
        <translation>★ предпочтительная</translation>
    </message>
    <message>
        <source>Alternative version</source>
        <translation>Альтернативная версия</translation>
    </message>
    <message>
        <source>{mark} (shown above)</source>
        <translation>{mark} (показана выше)</translation>
    </message>
    <message>
        <source>Signed: {date}</source>
        <translation>Подписано: {date}</translation>
    </message>
    <message>
        <source>Type: {type}</source>
        <translation>Тип: {type}</translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation>Документов: {n}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Причина: {reason}</translation>
    </message>
</context>
<context>
    <name>AgreementsModel</name>
    <message>
        <source>≈ {title} (unofficial translation)</source>
        <translation>≈ {title} (неофициальный перевод)</translation>
    </message>
    <message>
        <source>Number of documents (a package holds several)</source>
        <translation>Число документов (в пакете их несколько)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Отрасли</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>Док.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>[{lang}] {title}</source>
        <translation>[{lang}] {title}</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Filter agreements: titles and summaries in English, Russian or Kazakh</source>
        <translation>Фильтр соглашений: названия и краткое содержание на английском, русском или казахском</translation>
    </message>
    <message>
        <source>Show only agreements with the chosen values</source>
        <translation>Показывать только соглашения с выбранными значениями</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>Годы:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Years swapped: {first}–{last}</source>
        <translation>Годы переставлены: {first}–{last}</translation>
    </message>
    <message>
        <source>Partner: {name}</source>
        <translation>Партнёр: {name}</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>Событие: {title}</translation>
    </message>
    <message>
        <source>Corridor: {name}</source>
        <translation>Коридор: {name}</translation>
    </message>
    <message>
        <source>Place: {name}</source>
        <translation>Пункт: {name}</translation>
    </message>
    <message>
        <source>Years: {first}–{last}</source>
        <translation>Годы: {first}–{last}</translation>
    </message>
    <message>
        <source>Remove the filter “{filter}”</source>
        <translation>Снять фильтр «{filter}»</translation>
    </message>
    <message>
        <source>{n} of {m} agreements</source>
        <translation>{n} из {m} соглашений</translation>
    </message>
    <message>
        <source>(+{n} other sources&apos; versions)</source>
        <translation>(+{n} в версиях других источников)</translation>
    </message>
    <message>
        <source>The search “{text}” contains no words to look for. Type a word in English, Russian or Kazakh.</source>
        <translation>Запрос «{text}» не содержит слов для поиска. Введите слово на английском, русском или казахском языке.</translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches “{text}” together with the %n filter(s) above. Remove a filter (✕) or change the search.</source>
        <translation>
            <numerusform>Ни одно соглашение не соответствует запросу «{text}» с учётом %n фильтра, заданного выше. Снимите фильтр (✕) или измените запрос.</numerusform>
            <numerusform>Ни одно соглашение не соответствует запросу «{text}» с учётом %n фильтров, заданных выше. Снимите один из фильтров (✕) или измените запрос.</numerusform>
            <numerusform>Ни одно соглашение не соответствует запросу «{text}» с учётом %n фильтров, заданных выше. Снимите один из фильтров (✕) или измените запрос.</numerusform>
        </translation>
    </message>
    <message>
        <source>No agreement has “{text}” in its titles or summaries. Word forms and the beginnings of words are matched: try fewer or shorter words.</source>
        <translation>Ни в названиях, ни в кратком содержании соглашений нет «{text}». Учитываются словоформы и начала слов: попробуйте ввести меньше слов или более короткие слова.</translation>
    </message>
    <message numerus="yes">
        <source>No agreement matches the %n filter(s) above. Remove a filter (✕) to see more.</source>
        <translation>
            <numerusform>Ни одно соглашение не соответствует %n фильтру, заданному выше. Снимите фильтр (✕), чтобы увидеть больше.</numerusform>
            <numerusform>Ни одно соглашение не соответствует %n фильтрам, заданным выше. Снимите один из фильтров (✕), чтобы увидеть больше.</numerusform>
            <numerusform>Ни одно соглашение не соответствует %n фильтрам, заданным выше. Снимите один из фильтров (✕), чтобы увидеть больше.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database holds no agreements yet.</source>
        <translation>В базе данных пока нет соглашений.</translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation>Ошибка поиска: {message}</translation>
    </message>
</context>
<context>
    <name>CitingRecords</name>
    <message>
        <source>Records citing a source</source>
        <translation>Записи, ссылающиеся на источник</translation>
    </message>
    <message>
        <source>No record cites this source.</source>
        <translation>Ни одна запись не ссылается на этот источник.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync Conflicts</source>
        <translation>Конфликты синхронизации</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Оставить мою</translation>
    </message>
    <message>
        <source>Take the Server&apos;s</source>
        <translation>Взять с сервера</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Оставить обе</translation>
    </message>
    <message>
        <source>Use the Choices Above</source>
        <translation>Применить выбор выше</translation>
    </message>
    <message>
        <source>Keep the server&apos;s record and this laptop&apos;s values as a second record, the two in a conflict group with this laptop&apos;s preferred</source>
        <translation>Оставить запись с сервера, а значения этого ноутбука — второй записью; обе в группе расхождений, предпочтительна запись этого ноутбука</translation>
    </message>
    <message>
        <source>{kind} “{name}”: changed by {who}, {when}</source>
        <translation>{kind} «{name}»: изменено пользователем {who}, {when}</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>кем-то</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>время неизвестно</translation>
    </message>
    <message>
        <source>No conflicts wait for your choice.</source>
        <translation>Конфликтов, ожидающих вашего выбора, нет.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Этот ноутбук</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Сервер команды</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>On the server: changed by {who}, {when}.</source>
        <translation>На сервере: изменено пользователем {who}, {when}.</translation>
    </message>
    <message>
        <source>You deleted this record here; on the server it was changed.</source>
        <translation>Здесь вы удалили эту запись, а на сервере её изменили.</translation>
    </message>
    <message>
        <source>You changed this record here; on the server it was deleted.</source>
        <translation>Здесь вы изменили эту запись, а на сервере её удалили.</translation>
    </message>
    <message>
        <source>Changed here and on the server since the version both had. The sources cited are among the fields. Nothing is overwritten until you choose.</source>
        <translation>Изменено и здесь, и на сервере после общей версии. Источники — среди полей. Ничего не перезаписывается, пока вы не выберете.</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(удалено)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation>С сервера</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Conflict groups</source>
        <translation>Группы расхождений</translation>
    </message>
    <message>
        <source>{uid} (not in this database)</source>
        <translation>{uid} (нет в этой базе данных)</translation>
    </message>
    <message>
        <source>The choice could not be written: {reason}</source>
        <translation>Выбор не удалось записать: {reason}</translation>
    </message>
    <message>
        <source>Conflict settled; the next sync sends the result.</source>
        <translation>Конфликт решён; следующая синхронизация отправит результат.</translation>
    </message>
</context>
<context>
    <name>CorridorMapView</name>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <source>Fit selection</source>
        <translation>Показать выбранное</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <source>Show the whole region ({keys})</source>
        <translation>Показать весь регион ({keys})</translation>
    </message>
    <message>
        <source>Show the selected node, corridor or partner ({keys})</source>
        <translation>Показать выбранный пункт, коридор или партнёра ({keys})</translation>
    </message>
    <message>
        <source>Zoom in ({keys} or the mouse wheel)</source>
        <translation>Увеличить масштаб ({keys} или колесо мыши)</translation>
    </message>
    <message>
        <source>Zoom out ({keys} or the mouse wheel)</source>
        <translation>Уменьшить масштаб ({keys} или колесо мыши)</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>Коридоры</translation>
    </message>
    <message>
        <source>Show or hide each corridor</source>
        <translation>Показать или скрыть каждый коридор</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Виды транспорта</translation>
    </message>
    <message>
        <source>Show or hide rail, road, sea and pipeline</source>
        <translation>Показать или скрыть железные дороги, автодороги, морские линии и трубопроводы</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Статусы</translation>
    </message>
    <message>
        <source>Show or hide operating, planned and other segments</source>
        <translation>Показать или скрыть действующие, планируемые и другие участки</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the map as it is shown as a PNG image</source>
        <translation>Сохранить карту в текущем виде как изображение PNG</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the map as it is shown as an SVG drawing</source>
        <translation>Сохранить карту в текущем виде как векторный рисунок SVG</translation>
    </message>
    <message>
        <source>Basemap: {source} (public domain). Drag to move, wheel or +/− to zoom, click a node or a line to select it.</source>
        <translation>Подложка: {source} (общественное достояние). Перетаскивайте карту мышью, масштаб — колесом или +/−, щелчок по пункту или линии выбирает их.</translation>
    </message>
    <message>
        <source>Basemap: {source}. Drag to move, wheel or +/− to zoom, click a node or a line to select it.</source>
        <translation>Подложка: {source}. Перетаскивайте карту мышью, масштаб — колесом или +/−, щелчок по пункту или линии выбирает их.</translation>
    </message>
    <message>
        <source>Route recorded: through the places it passes</source>
        <translation>Маршрут известен: через пункты, которые он проходит</translation>
    </message>
    <message>
        <source>Route not recorded: a thin line joining the ends</source>
        <translation>Маршрут не записан: тонкая линия между концами</translation>
    </message>
    <message>
        <source>≈ Approximate position (nearest town)</source>
        <translation>≈ Приблизительное положение (ближайший населённый пункт)</translation>
    </message>
    <message>
        <source>Mode (colour)</source>
        <translation>Вид транспорта (цвет)</translation>
    </message>
    <message>
        <source>Status (line)</source>
        <translation>Статус (линия)</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>Основа карты</translation>
    </message>
    <message>
        <source>Selected partner</source>
        <translation>Выбранный партнёр</translation>
    </message>
    <message>
        <source>Seas and lakes (rivers are not drawn)</source>
        <translation>Моря и озёра (реки не показаны)</translation>
    </message>
    <message>
        <source>Beyond the basemap</source>
        <translation>За пределами основы карты</translation>
    </message>
    <message>
        <source>Position unknown ({n})</source>
        <translation>Положение неизвестно ({n})</translation>
    </message>
    <message>
        <source>No reliable coordinates are recorded for this place, so it is not drawn.</source>
        <translation>Надёжные координаты этого пункта не записаны, поэтому он не нанесён на карту.</translation>
    </message>
    <message>
        <source>{route} ({mode}, {status}): an end has no position; drawn within one thin line through it</source>
        <translation>{route} ({mode}, {status}): у одного из концов нет координат; показан в составе одной тонкой линии через него</translation>
    </message>
    <message>
        <source>{route} ({mode}, {status}): an end has no position</source>
        <translation>{route} ({mode}, {status}): положение одного из концов неизвестно</translation>
    </message>
    <message>
        <source>Drawn as one thin line: it passes places whose position is unknown ({places}), listed beside the map. The route is not recorded.</source>
        <translation>Показано одной тонкой линией: она проходит через пункты с неизвестным положением ({places}), перечисленные рядом с картой. Маршрут не записан.</translation>
    </message>
    <message>
        <source>No source recorded.</source>
        <translation>Источник не указан.</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>и ещё {n}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>≈ Approximate position, taken from: {origin}</source>
        <translation>≈ Приблизительное положение, взято из: {origin}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} км</translation>
    </message>
    <message>
        <source>length not recorded</source>
        <translation>длина не указана</translation>
    </message>
    <message>
        <source>Route via: {places}</source>
        <translation>Маршрут через: {places}</translation>
    </message>
    <message>
        <source>Route not recorded: the line joins the ends, bent only to stay on water (not a sailing route).</source>
        <translation>Маршрут не записан: линия соединяет концы и изогнута лишь для того, чтобы идти по воде (это не судоходный путь).</translation>
    </message>
    <message>
        <source>Route not recorded: the line only joins the ends.</source>
        <translation>Маршрут не записан: линия лишь соединяет концы.</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>изображение не удалось записать</translation>
    </message>
    <message>
        <source>Transport corridors</source>
        <translation>Транспортные коридоры</translation>
    </message>
    <message>
        <source>the drawing could not be written</source>
        <translation>рисунок не удалось записать</translation>
    </message>
    <message>
        <source>The map could not be saved to {path}: {error}</source>
        <translation>Не удалось сохранить карту в {path}: {error}</translation>
    </message>
    <message>
        <source>Save the map as PNG</source>
        <translation>Сохранить карту как PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Save the map as SVG</source>
        <translation>Сохранить карту как SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Рисунки SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Details were saved to {path}.</source>
        <translation>Подробности сохранены в файле {path}.</translation>
    </message>
    <message>
        <source>The details could not be saved.</source>
        <translation>Сохранить подробности не удалось.</translation>
    </message>
    <message>
        <source>Something went wrong inside Partnership Atlas: {error}

Your data was not changed by this error. {where}</source>
        <translation>В работе Partnership Atlas произошла ошибка: {error}

Ваши данные из-за этой ошибки не изменились. {where}</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>This database is open read-only: the change was not saved.</source>
        <translation>База данных открыта только для чтения: изменение не сохранено.</translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be undone or redone.</source>
        <translation>База данных открыта только для чтения: отмена и повтор недоступны.</translation>
    </message>
    <message numerus="yes">
        <source>This node is an end of %n segment(s). Delete those segments or move their ends to another node first.</source>
        <translation>
            <numerusform>Этот пункт — конец %n участка. Сначала удалите эти участки или перенесите их концы в другой пункт.</numerusform>
            <numerusform>Этот пункт — конец %n участков. Сначала удалите эти участки или перенесите их концы в другой пункт.</numerusform>
            <numerusform>Этот пункт — конец %n участков. Сначала удалите эти участки или перенесите их концы в другой пункт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) (agreements, events, trade figures, targets, facts or mechanisms) belong to this partner. Delete them or give them another partner first.</source>
        <translation>
            <numerusform>К этому партнёру относится %n запись (соглашения, события, торговые данные, цели, факты или механизмы). Сначала удалите её или укажите другого партнёра.</numerusform>
            <numerusform>К этому партнёру относятся %n записи (соглашения, события, торговые данные, цели, факты или механизмы). Сначала удалите их или укажите другого партнёра.</numerusform>
            <numerusform>К этому партнёру относятся %n записей (соглашения, события, торговые данные, цели, факты или механизмы). Сначала удалите их или укажите другого партнёра.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Your earlier change “{kept}” is kept until you choose what to do about the changed database file, and only one change can be kept: this change (“{change}”) was not saved. Choose “Save to a new file…” or “Reopen” first, then make it again.</source>
        <translation>Ваше прежнее изменение «{kept}» сохранено в памяти, пока вы не решите, что делать с изменившимся файлом базы данных, а в памяти может храниться только одно изменение: это изменение («{change}») не сохранено. Сначала выберите «Сохранить в новый файл…» или «Открыть заново», затем повторите его.</translation>
    </message>
    <message>
        <source>Undoing “{label}”…</source>
        <translation>Отмена «{label}»…</translation>
    </message>
    <message>
        <source>Redoing “{label}”…</source>
        <translation>Повтор «{label}»…</translation>
    </message>
    <message>
        <source>Delete the {kind} with the number {id}?</source>
        <translation>Удалить запись ({kind}) с номером {id}?</translation>
    </message>
    <message>
        <source>Delete the {kind} “{title}” ({date})?</source>
        <translation>Удалить запись ({kind}) «{title}» ({date})?</translation>
    </message>
    <message>
        <source>Delete the {kind} “{title}”?</source>
        <translation>Удалить запись ({kind}) «{title}»?</translation>
    </message>
    <message>
        <source>“{title}” was not deleted.</source>
        <translation>«{title}» не удалено.</translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s) were signed at this event. What should become of them?</source>
        <translation>
            <numerusform>На этом событии подписано %n соглашение. Что с ним сделать?</numerusform>
            <numerusform>На этом событии подписано %n соглашения. Что с ними сделать?</numerusform>
            <numerusform>На этом событии подписано %n соглашений. Что с ними сделать?</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them, without the event</source>
        <translation>Оставить их без события</translation>
    </message>
    <message>
        <source>Delete them too</source>
        <translation>Удалить и их</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) cite this source. Delete the source and remove it from them?</source>
        <translation>
            <numerusform>На этот источник ссылается %n запись. Удалить источник и убрать ссылку из неё?</numerusform>
            <numerusform>На этот источник ссылаются %n записи. Удалить источник и убрать ссылки из них?</numerusform>
            <numerusform>На этот источник ссылаются %n записей. Удалить источник и убрать ссылки из них?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The corridor has %n segment(s). Delete the corridor with its segments?</source>
        <translation>
            <numerusform>В коридоре %n участок. Удалить коридор вместе с ним?</numerusform>
            <numerusform>В коридоре %n участка. Удалить коридор вместе с ними?</numerusform>
            <numerusform>В коридоре %n участков. Удалить коридор вместе с ними?</numerusform>
        </translation>
    </message>
    <message>
        <source>The database file {path} was deleted while this window had it open.</source>
        <translation>Файл базы данных {path} был удалён, пока это окно держало его открытым.</translation>
    </message>
    <message>
        <source>The database file {path} was moved or renamed while this window had it open.</source>
        <translation>Файл базы данных {path} был перемещён или переименован, пока это окно держало его открытым.</translation>
    </message>
    <message>
        <source>The database file {path} was deleted or moved while this window had it open.</source>
        <translation>Файл базы данных {path} был удалён или перемещён, пока это окно держало его открытым.</translation>
    </message>
    <message>
        <source>The database file {path} was replaced by another file while this window had it open.</source>
        <translation>Файл базы данных {path} был заменён другим файлом, пока это окно держало его открытым.</translation>
    </message>
    <message>
        <source>Nothing was written to either file. Editing is off until you choose what to do.</source>
        <translation>Ни в один из файлов ничего не записано. Редактирование отключено, пока вы не выберете, что делать.</translation>
    </message>
    <message>
        <source>Your change “{change}” was not saved; it is kept.</source>
        <translation>Ваше изменение «{change}» не сохранено; оно сохранено в памяти.</translation>
    </message>
    <message>
        <source>“Save to a new file…” writes everything this window shows to a file you choose, then goes on working there (your kept change is saved there too).</source>
        <translation>«Сохранить в новый файл…» записывает всё, что показывает это окно, в выбранный вами файл, и работа продолжается в нём (туда же сохраняется и ваше отложенное изменение).</translation>
    </message>
    <message>
        <source>“Save to a new file…” writes everything this window shows to a file you choose, then goes on working there.</source>
        <translation>«Сохранить в новый файл…» записывает всё, что показывает это окно, в выбранный вами файл, и работа продолжается в нём.</translation>
    </message>
    <message>
        <source>“Reopen” opens the file now at {path} instead; what this window shows is kept in a backup first.</source>
        <translation>«Открыть заново» открывает файл, который сейчас находится по пути {path}; перед этим всё, что показывает окно, сохраняется в резервной копии.</translation>
    </message>
    <message>
        <source>Your change “{change}” is kept.</source>
        <translation>Ваше изменение «{change}» сохранено в памяти.</translation>
    </message>
    <message>
        <source>Editing is off.</source>
        <translation>Редактирование отключено.</translation>
    </message>
    <message>
        <source>The copy could not be written to {path} ({error}). Nothing was changed; choose another place.</source>
        <translation>Не удалось записать копию в {path} ({error}). Ничего не изменено; выберите другое место.</translation>
    </message>
    <message>
        <source>What this window shows could not be backed up before reopening ({error}), so nothing was changed. Save it to a new file instead.</source>
        <translation>Не удалось сделать резервную копию того, что показывает окно, перед повторным открытием ({error}), поэтому ничего не изменено. Сохраните данные в новый файл.</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error} This window now shows what it showed before, read-only, from the copy {copy}. Choose “Save to a new file…” to go on editing.</source>
        <translation>Не удалось открыть {path}: {error} Окно теперь показывает прежние данные только для чтения из копии {copy}. Чтобы продолжить правку, выберите «Сохранить в новый файл…».</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error}</source>
        <translation>Не удалось открыть {path}: {error}</translation>
    </message>
    <message>
        <source>Apply your unsaved change “{change}” to {file}?</source>
        <translation>Применить ваше несохранённое изменение «{change}» к {file}?</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Your unsaved change “{change}” was discarded.</source>
        <translation>Ваше несохранённое изменение «{change}» отброшено.</translation>
    </message>
    <message>
        <source>Your unsaved change “{change}” does not fit {file} (its records differ from those it was made on), so it was discarded.</source>
        <translation>Ваше несохранённое изменение «{change}» не подходит к {file} (записи в нём отличаются от тех, в которых оно было сделано), поэтому оно отброшено.</translation>
    </message>
    <message>
        <source>Your change “{change}” was not saved: the database file changed while it was open. Close the window and lose the change?</source>
        <translation>Ваше изменение «{change}» не сохранено: файл базы данных изменился, пока был открыт. Закрыть окно и потерять изменение?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Закрыть без сохранения</translation>
    </message>
    <message>
        <source>The database file changed</source>
        <translation>Файл базы данных изменился</translation>
    </message>
    <message>
        <source>Save to a new file…</source>
        <translation>Сохранить в новый файл…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Открыть заново</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>Save to a new file</source>
        <translation>Сохранить в новый файл</translation>
    </message>
    <message>
        <source>Databases (*.sqlite)</source>
        <translation>Базы данных (*.sqlite)</translation>
    </message>
    <message>
        <source>The record was changed elsewhere since this edit was prepared, so nothing was changed. Reopen it and try again.</source>
        <translation>Запись была изменена в другом месте после начала правки, поэтому ничего не изменено. Откройте её заново и повторите.</translation>
    </message>
    <message>
        <source>The database is busy (another program is writing to it). Nothing was changed; try again in a moment.</source>
        <translation>База данных занята (в неё пишет другая программа). Ничего не изменено; повторите чуть позже.</translation>
    </message>
    <message>
        <source>The disk is full or cannot be written. Nothing was changed.</source>
        <translation>Диск заполнен или недоступен для записи. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The database refused the change ({error}). Nothing was changed.</source>
        <translation>База данных отклонила изменение ({error}). Ничего не изменено.</translation>
    </message>
    <message>
        <source>The change could not be saved: {error}. Nothing was changed.</source>
        <translation>Изменение не удалось сохранить: {error}. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Правка</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Show all events</source>
        <translation>Все события</translation>
    </message>
    <message>
        <source>Clear the selected event (Esc)</source>
        <translation>Снять выбор события (Esc)</translation>
    </message>
    <message>
        <source>Events of {partner} linked to {place}: {n}</source>
        <translation>События с партнёром {partner}, связанные с объектом «{place}»: {n}</translation>
    </message>
    <message>
        <source>Events linked to {place}: {n}</source>
        <translation>События, связанные с объектом «{place}»: {n}</translation>
    </message>
    <message>
        <source>Events of {partner}: {n}</source>
        <translation>События по партнёру {partner}: {n}</translation>
    </message>
    <message>
        <source>Events of all partners: {n}</source>
        <translation>События по всем партнёрам: {n}</translation>
    </message>
    <message>
        <source>(+{n} other sources&apos; versions)</source>
        <translation>(+{n} в версиях других источников)</translation>
    </message>
    <message>
        <source>No recorded event is linked to {place}.</source>
        <translation>С объектом «{place}» не связано ни одно записанное событие.</translation>
    </message>
    <message>
        <source>No events are recorded for {partner}.</source>
        <translation>По партнёру {partner} нет сведений о событиях.</translation>
    </message>
    <message>
        <source>No events are recorded.</source>
        <translation>Нет сведений о событиях.</translation>
    </message>
    <message>
        <source>{kind} (another source: {other})</source>
        <translation>{kind} (по другому источнику: {other})</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>без названия</translation>
    </message>
    <message>
        <source>place not recorded</source>
        <translation>место не указано</translation>
    </message>
    <message>
        <source>kind not recorded</source>
        <translation>вид не указан</translation>
    </message>
    <message>
        <source>[EN]</source>
        <translation>[EN]</translation>
    </message>
    <message>
        <source>[RU]</source>
        <translation>[RU]</translation>
    </message>
    <message>
        <source>{text} {marker}</source>
        <translation>{text} {marker}</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>дата не указана</translation>
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
        <translation>подписано документов: не указано</translation>
    </message>
    <message>
        <source>1 document signed</source>
        <translation>подписан 1 документ</translation>
    </message>
    <message>
        <source>{n} documents signed</source>
        <translation>подписано документов: {n}</translation>
    </message>
    <message>
        <source>{count} (another source: {other})</source>
        <translation>{count} (по другому источнику: {other})</translation>
    </message>
    <message>
        <source>no agreements recorded</source>
        <translation>соглашений в базе нет</translation>
    </message>
    <message>
        <source>1 agreement recorded</source>
        <translation>1 соглашение в базе</translation>
    </message>
    <message>
        <source>{n} agreements recorded</source>
        <translation>соглашений в базе: {n}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The current view, with its filters</source>
        <translation>Текущий вид, с его фильтрами</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Все записи</translation>
    </message>
    <message>
        <source>comma ( , )</source>
        <translation>запятая ( , )</translation>
    </message>
    <message>
        <source>semicolon ( ; ), as Excel expects with Russian settings</source>
        <translation>точка с запятой ( ; ), как ожидает Excel с русскими настройками</translation>
    </message>
    <message>
        <source>point ( 12.5 )</source>
        <translation>точка ( 12.5 )</translation>
    </message>
    <message>
        <source>comma ( 12,5 ), as Excel expects with Russian settings</source>
        <translation>запятая ( 12,5 ), как ожидает Excel с русскими настройками</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows Cyrillic)</source>
        <translation>UTF-8 с BOM (Excel покажет кириллицу)</translation>
    </message>
    <message>
        <source>Windows-1251 for older programs (Kazakh and Turkish letters become the nearest Russian or Latin ones)</source>
        <translation>Windows-1251 для старых программ (казахские и турецкие буквы заменяются ближайшими русскими или латинскими)</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Какие</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <source>Decimal mark:</source>
        <translation>Десятичный разделитель:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <source>Include records without coordinates (as features with no geometry)</source>
        <translation>Включить записи без координат (как объекты без геометрии)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n record(s) to {path}.</source>
        <translation>
            <numerusform>Записана %n запись в {path}.</numerusform>
            <numerusform>Записаны %n записи в {path}.</numerusform>
            <numerusform>Записано %n записей в {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactSheetDialog</name>
    <message>
        <source>Fact sheet</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>for example: For official use</source>
        <translation>например: Для служебного пользования</translation>
    </message>
    <message>
        <source>US Letter instead of A4</source>
        <translation>Формат US Letter вместо A4</translation>
    </message>
    <message>
        <source>Named as the author of the PDF files.</source>
        <translation>Указывается как автор PDF-файлов.</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Партнёр:</translation>
    </message>
    <message>
        <source>Language of the sheet:</source>
        <translation>Язык справки:</translation>
    </message>
    <message>
        <source>Marking line:</source>
        <translation>Гриф:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>Предварительный просмотр…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>All Partners…</source>
        <translation>Все партнёры…</translation>
    </message>
    <message>
        <source>Save the fact sheet</source>
        <translation>Сохранить справку</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The fact sheet could not be saved: {error}</source>
        <translation>Справку не удалось сохранить: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Saved {path} (%n page(s)).</source>
        <translation>
            <numerusform>Сохранено: {path} (%n страница).</numerusform>
            <numerusform>Сохранено: {path} (%n страницы).</numerusform>
            <numerusform>Сохранено: {path} (%n страниц).</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the fact sheets…</source>
        <translation>Создание справок…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Все партнёры</translation>
    </message>
    <message>
        <source>One PDF for each partner in a folder, or all of them in one PDF?</source>
        <translation>Отдельный PDF для каждого партнёра в папке или все в одном PDF?</translation>
    </message>
    <message>
        <source>One PDF each…</source>
        <translation>Отдельные PDF…</translation>
    </message>
    <message>
        <source>One combined PDF…</source>
        <translation>Один общий PDF…</translation>
    </message>
    <message>
        <source>Folder for the fact sheets</source>
        <translation>Папка для справок</translation>
    </message>
    <message>
        <source>Save the fact sheets</source>
        <translation>Сохранить справки</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s).</source>
        <translation>
            <numerusform>Записан %n файл.</numerusform>
            <numerusform>Записано %n файла.</numerusform>
            <numerusform>Записано %n файлов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBox</name>
    <message>
        <source>The search could not read the database file {file}: {error}</source>
        <translation>Поиск не смог прочитать файл базы данных {file}: {error}</translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation>Поиск не удался</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation>Поиск не удался: {message}</translation>
    </message>
    <message>
        <source>{kind}: the first {n} of {count}</source>
        <translation>{kind}: первые {n} из {count}</translation>
    </message>
    <message>
        <source>“{text}” holds no word to look for. Type a word in English, Russian or Kazakh.</source>
        <translation>В «{text}» нет слов для поиска. Введите слово на английском, русском или казахском.</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>По запросу «{text}» ничего не найдено.</translation>
    </message>
    <message>
        <source>Did you mean “{word}”?</source>
        <translation>Возможно, вы имели в виду «{word}»?</translation>
    </message>
    <message>
        <source>Try fewer or shorter words, or another spelling.</source>
        <translation>Попробуйте меньше слов, более короткие слова или другое написание.</translation>
    </message>
    <message>
        <source>(no name recorded)</source>
        <translation>(название не записано)</translation>
    </message>
    <message>
        <source>in English</source>
        <translation>по-английски</translation>
    </message>
    <message>
        <source>in Russian</source>
        <translation>по-русски</translation>
    </message>
    <message>
        <source>in Kazakh</source>
        <translation>по-казахски</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <source>other source&apos;s value</source>
        <translation>значение другого источника</translation>
    </message>
    <message>
        <source>Find anything (Ctrl+F)</source>
        <translation>Найти что угодно (Ctrl+F)</translation>
    </message>
    <message>
        <source>Agreements, events, places, corridors, facts, trade, targets and sources, in English, Russian or Kazakh</source>
        <translation>Соглашения, события, места, коридоры, факты, торговля, цели и источники — на английском, русском или казахском</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter opens · Esc closes</source>
        <translation>↑ ↓ выбор · Enter — открыть · Esc — закрыть</translation>
    </message>
</context>
<context>
    <name>FindView</name>
    <message>
        <source>Agreements</source>
        <translation>Соглашения</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Соглашение</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>Коридоры</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <source>Route sections</source>
        <translation>Участки маршрутов</translation>
    </message>
    <message>
        <source>Route section</source>
        <translation>Участок маршрута</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Trade figures</source>
        <translation>Данные о торговле</translation>
    </message>
    <message>
        <source>Trade figure</source>
        <translation>Данные о торговле</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>Механизмы</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Механизм</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>This is another source&apos;s value: shown is the preferred record of its group.</source>
        <translation>Это значение другого источника: показана предпочтительная запись его группы.</translation>
    </message>
    <message>
        <source>The table&apos;s search was cleared to show this agreement.</source>
        <translation>Поиск в таблице сброшен, чтобы показать это соглашение.</translation>
    </message>
    <message>
        <source>The table&apos;s search and filters were cleared to show this agreement.</source>
        <translation>Поиск и фильтры таблицы сброшены, чтобы показать это соглашение.</translation>
    </message>
    <message>
        <source>The events of the partner are listed to show this event.</source>
        <translation>Показаны события партнёра, чтобы показать это событие.</translation>
    </message>
    <message>
        <source>This record belongs to no partner or place: it is listed in Records…</source>
        <translation>Эта запись не относится ни к партнёру, ни к месту: она показана в окне «Записи…»</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Было → стало</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>redone</source>
        <translation>повторено</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>объединено</translation>
    </message>
    <message>
        <source>No change is recorded for this record: it is as the bundled data has it.</source>
        <translation>Изменений этой записи нет: она такая же, как в поставляемых данных.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Trade figures from UN Comtrade</source>
        <translation>Торговые данные из UN Comtrade</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Файл не выбран.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Choose the sheet to import</source>
        <translation>Выберите лист для импорта</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Record / field</source>
        <translation>Запись / поле</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Tables and GeoJSON (*.csv *.txt *.tsv *.xlsx *.json *.geojson);;GeoJSON (*.geojson);;All files (*)</source>
        <translation>Таблицы и GeoJSON (*.csv *.txt *.tsv *.xlsx *.json *.geojson);;GeoJSON (*.geojson);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.json);;All files (*)</source>
        <translation>Таблицы (*.csv *.txt *.tsv *.xlsx *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Чтение {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>{file}, sheet “{sheet}”</source>
        <translation>{file}, лист «{sheet}»</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>(не загружать)</translation>
    </message>
    <message>
        <source>Check how the file&apos;s columns are read.</source>
        <translation>Проверьте, как прочитаны столбцы файла.</translation>
    </message>
    <message>
        <source>Some columns were not recognised with certainty. Check the fields chosen below{missing}.</source>
        <translation>Некоторые столбцы распознаны неуверенно. Проверьте выбранные ниже поля{missing}.</translation>
    </message>
    <message>
        <source>(missing: {fields})</source>
        <translation>(не хватает: {fields})</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Проверка строк…</translation>
    </message>
    <message>
        <source>To add: {add} · to update: {update} · unchanged: {same} · rejected: {reject}</source>
        <translation>Добавить: {add} · обновить: {update} · без изменений: {same} · отклонено: {reject}</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>Строка {row}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To update: %n record(s)</source>
        <translation>
            <numerusform>Обновить: %n запись</numerusform>
            <numerusform>Обновить: %n записи</numerusform>
            <numerusform>Обновить: %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To add: %n record(s)</source>
        <translation>
            <numerusform>Добавить: %n запись</numerusform>
            <numerusform>Добавить: %n записи</numerusform>
            <numerusform>Добавить: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>{uid} (row {row})</source>
        <translation>{uid} (строка {row})</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>Строка {row}</translation>
    </message>
    <message numerus="yes">
        <source>Kept as stored: %n value(s) whose letters the file&apos;s encoding cannot hold (for example {uid}, {field}: “{text}”).</source>
        <translation>
            <numerusform>Оставлено как есть: %n значение, буквы которого кодировка файла не может передать (например, {uid}, {field}: «{text}»).</numerusform>
            <numerusform>Оставлено как есть: %n значения, буквы которых кодировка файла не может передать (например, {uid}, {field}: «{text}»).</numerusform>
            <numerusform>Оставлено как есть: %n значений, буквы которых кодировка файла не может передать (например, {uid}, {field}: «{text}»).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n change(s) would only remove letters (for example {uid}, {field}: “{now}” → “{after}”). Was the file saved in an encoding that lacks them?</source>
        <translation>
            <numerusform>Внимание: %n изменение лишь удалило бы буквы (например, {uid}, {field}: «{now}» → «{after}»). Не сохранён ли файл в кодировке, где их нет?</numerusform>
            <numerusform>Внимание: %n изменения лишь удалили бы буквы (например, {uid}, {field}: «{now}» → «{after}»). Не сохранён ли файл в кодировке, где их нет?</numerusform>
            <numerusform>Внимание: %n изменений лишь удалили бы буквы (например, {uid}, {field}: «{now}» → «{after}»). Не сохранён ли файл в кодировке, где их нет?</numerusform>
        </translation>
    </message>
    <message>
        <source>{codes} and {count} more</source>
        <translation>{codes} и ещё {count}</translation>
    </message>
    <message>
        <source>Rows about countries that are not partners in the atlas were left out: {count} ({codes}).</source>
        <translation>Пропущены строки о странах, которые не являются партнёрами в атласе: {count} ({codes}).</translation>
    </message>
    <message>
        <source>partner, year, period and statistics</source>
        <translation>партнёр, год, период и статистика</translation>
    </message>
    <message>
        <source>partner, measure, date stated and value</source>
        <translation>партнёр, показатель, дата заявления и значение</translation>
    </message>
    <message>
        <source>partner or corridor, measure and date</source>
        <translation>партнёр или коридор, показатель и дата</translation>
    </message>
    <message>
        <source>start date and title</source>
        <translation>дата начала и название</translation>
    </message>
    <message>
        <source>date signed and title</source>
        <translation>дата подписания и название</translation>
    </message>
    <message>
        <source>group and name</source>
        <translation>группа и название</translation>
    </message>
    <message>
        <source>The row has {cells} cells but the header has {columns} columns (is the separator right?).</source>
        <translation>В строке ячеек: {cells}, а в заголовке столбцов: {columns} (верен ли разделитель?).</translation>
    </message>
    <message>
        <source>The same record as row {first} (the same uid): only the first is imported.</source>
        <translation>Та же запись, что в строке {first} (тот же uid): импортируется только первая.</translation>
    </message>
    <message>
        <source>The same record as row {first} (the same {key}): only the first is imported.</source>
        <translation>Та же запись, что в строке {first} (совпадают {key}): импортируется только первая.</translation>
    </message>
    <message>
        <source>The same record as row {first} (“{uid}”): only the first is imported.</source>
        <translation>Та же запись, что в строке {first} («{uid}»): импортируется только первая.</translation>
    </message>
    <message>
        <source>Matches {count} existing records by {key} ({uids}): add a uid column to say which one to update.</source>
        <translation>Совпадает с существующими записями ({count}) по признакам «{key}» ({uids}): добавьте столбец uid, чтобы указать, какую из них обновить.</translation>
    </message>
    <message>
        <source>The row has {cells} cells but the header has {columns} columns (a separator is missing, or a line break outside quotes split the row).</source>
        <translation>В строке ячеек: {cells}, а в заголовке столбцов: {columns} (не хватает разделителя или перевод строки вне кавычек разбил строку).</translation>
    </message>
    <message>
        <source>The cell in column “{column}” holds a NUL character (U+0000), which text never holds.</source>
        <translation>Ячейка в столбце «{column}» содержит символ NUL (U+0000), которого в тексте не бывает.</translation>
    </message>
    <message>
        <source>The object names the key “{key}” more than once, so its value is unclear.</source>
        <translation>В объекте ключ «{key}» указан больше одного раза, поэтому его значение неясно.</translation>
    </message>
    <message>
        <source>The file is not a UN Comtrade download (its columns are not Comtrade&apos;s).</source>
        <translation>Файл не выгружен из UN Comtrade (его столбцы не такие, как в Comtrade).</translation>
    </message>
    <message>
        <source>Year: “{value}” is not a year.</source>
        <translation>Год: «{value}» — не год.</translation>
    </message>
    <message>
        <source>Trade value: the cell cannot be read ({reason}).</source>
        <translation>Стоимость: ячейку не удаётся прочитать ({reason}).</translation>
    </message>
    <message>
        <source>Trade value: “{value}” is not a number.</source>
        <translation>Стоимость: «{value}» — не число.</translation>
    </message>
    <message>
        <source>Trade value: {value} is negative.</source>
        <translation>Стоимость: {value} — отрицательное число.</translation>
    </message>
    <message>
        <source>A second import figure of Kazakhstan with {partner} for {year} ({whose}); the one on row {kept} is kept.</source>
        <translation>Второе значение импорта Казахстана из {partner} за {year} г. ({whose}); оставлено значение из строки {kept}.</translation>
    </message>
    <message>
        <source>A second export figure of Kazakhstan with {partner} for {year} ({whose}); the one on row {kept} is kept.</source>
        <translation>Второе значение экспорта Казахстана в {partner} за {year} г. ({whose}); оставлено значение из строки {kept}.</translation>
    </message>
    <message>
        <source>Kazakhstan&apos;s statistics</source>
        <translation>статистика Казахстана</translation>
    </message>
    <message>
        <source>the partner&apos;s statistics</source>
        <translation>статистика партнёра</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>«{name}»</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} — это папка, а не файл.</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Файла {path} не существует.</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {reason}.</source>
        <translation>Не удаётся прочитать файл {file}: {reason}.</translation>
    </message>
    <message>
        <source>The file {file} is empty (0 bytes).</source>
        <translation>Файл {file} пуст (0 байт).</translation>
    </message>
    <message>
        <source>{file} is in the old Excel format (.xls), which is not read. Save it from Excel as an Excel workbook (.xlsx) or as CSV and import that file.</source>
        <translation>Файл {file} сохранён в старом формате Excel (.xls), который не читается. Сохраните его в Excel как книгу Excel (.xlsx) или как CSV и импортируйте этот файл.</translation>
    </message>
    <message>
        <source>{file} is named as a text file but is a ZIP archive (perhaps an Excel workbook); rename it to .xlsx or save it as CSV.</source>
        <translation>Файл {file} назван как текстовый, но это ZIP-архив (возможно, книга Excel); переименуйте его в .xlsx или сохраните как CSV.</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} has more than {max} data rows; split it into smaller files and import them one by one.</source>
        <translation>На листе «{sheet}» файла {file} больше {max} строк данных; разделите его на файлы поменьше и импортируйте их по одному.</translation>
    </message>
    <message>
        <source>The file {file} has more than {max} data rows; split it into smaller files and import them one by one.</source>
        <translation>В файле {file} больше {max} строк данных; разделите его на файлы поменьше и импортируйте их по одному.</translation>
    </message>
    <message>
        <source>Row {row} of the sheet “{sheet}” of {file} has a field longer than {max} characters ({length} characters). Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>В строке {row} листа «{sheet}» файла {file} есть поле длиннее {max} символов (символов: {length}). Такой файл не читается (причиной может быть незакрытая кавычка).</translation>
    </message>
    <message>
        <source>Row {row} of the sheet “{sheet}” of {file} has a field longer than {max} characters. Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>В строке {row} листа «{sheet}» файла {file} есть поле длиннее {max} символов. Такой файл не читается (причиной может быть незакрытая кавычка).</translation>
    </message>
    <message>
        <source>Row {row} of {file} has a field longer than {max} characters ({length} characters). Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>В строке {row} файла {file} есть поле длиннее {max} символов (символов: {length}). Такой файл не читается (причиной может быть незакрытая кавычка).</translation>
    </message>
    <message>
        <source>Row {row} of {file} has a field longer than {max} characters. Such a file is not read (a quote that is never closed can cause this).</source>
        <translation>В строке {row} файла {file} есть поле длиннее {max} символов. Такой файл не читается (причиной может быть незакрытая кавычка).</translation>
    </message>
    <message>
        <source>{file} is not a UN Comtrade download: its header lacks Comtrade&apos;s columns (such as {legacy}, or {new}).</source>
        <translation>Файл {file} не является выгрузкой UN Comtrade: в его заголовке нет столбцов Comtrade (например, {legacy} или {new}).</translation>
    </message>
    <message>
        <source>The file {file} starts as {encoding} text but cannot be decoded as such (byte {byte}: {reason}). Save it again as UTF-8 and try again.</source>
        <translation>Файл {file} начинается как текст в кодировке {encoding}, но не декодируется в ней (байт {byte}: {reason}). Сохраните его заново в UTF-8 и повторите попытку.</translation>
    </message>
    <message>
        <source>The file {file} is half NUL bytes, as UTF-16 text without a byte order mark is, but does not read as such. Save it as UTF-8 (or as Excel “Unicode text”) and try again.</source>
        <translation>Файл {file} наполовину состоит из байтов NUL, как текст UTF-16 без метки порядка байтов (BOM), но не читается как такой текст. Сохраните его в UTF-8 (или в формате Excel «Текст в Юникоде») и повторите попытку.</translation>
    </message>
    <message>
        <source>The file {file} is neither UTF-8 nor Windows-1251 text: it has bytes that do not decode (first on line {line}, byte {byte}: {reason}). Save it as UTF-8 and try again.</source>
        <translation>Файл {file} — текст ни в UTF-8, ни в Windows-1251: в нём есть байты, которые не декодируются (первый — в строке {line}, байт {byte}: {reason}). Сохраните его в UTF-8 и повторите попытку.</translation>
    </message>
    <message>
        <source>The file {file} holds no text: it has no header row.</source>
        <translation>В файле {file} нет текста: в нём нет строки заголовка.</translation>
    </message>
    <message>
        <source>The file {file} has no header row.</source>
        <translation>В файле {file} нет строки заголовка.</translation>
    </message>
    <message>
        <source>The file {file} has {columns} columns; at most {max} are read.</source>
        <translation>В файле {file} столбцов: {columns}; читается не больше {max}.</translation>
    </message>
    <message>
        <source>The header row of {file} holds a NUL character (U+0000), so the file is not a text table. Save it as UTF-8 CSV and try again.</source>
        <translation>Строка заголовка файла {file} содержит символ NUL (U+0000), значит, файл — не текстовая таблица. Сохраните его как CSV в UTF-8 и повторите попытку.</translation>
    </message>
    <message>
        <source>No comma, semicolon or tab separates the column names in the header row of {file} (“{header}”), so its columns cannot be told apart. Save it as CSV (separated by commas or semicolons) or as tab-separated text.</source>
        <translation>В строке заголовка файла {file} («{header}») названия столбцов не разделены ни запятой, ни точкой с запятой, ни табуляцией, поэтому столбцы нельзя различить. Сохраните его как CSV (с разделителем «запятая» или «точка с запятой») или как текст с разделителями-табуляциями.</translation>
    </message>
    <message>
        <source>The file {file} ends inside a quoted field that starts on line {line}: a quote (&quot;) is never closed. Nothing was imported.</source>
        <translation>Файл {file} заканчивается внутри поля в кавычках, которое начинается в строке {line}: кавычка (&quot;) так и не закрыта. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Row {row} of {file} (line {line}) is not valid CSV: {reason}. Nothing was imported.</source>
        <translation>Строка {row} файла {file} (строка текста {line}) — недопустимый CSV: {reason}. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Row {row} of {file} has {cells} cells; at most {max} columns are read.</source>
        <translation>В строке {row} файла {file} ячеек: {cells}; читается не больше {max} столбцов.</translation>
    </message>
    <message>
        <source>{file} is not a valid Excel workbook: it is not a complete ZIP archive ({reason}). It may be truncated or damaged; save it again from Excel.</source>
        <translation>Файл {file} не является корректной книгой Excel: это не полный ZIP-архив ({reason}). Возможно, он обрезан или повреждён; сохраните его в Excel заново.</translation>
    </message>
    <message>
        <source>{file} is refused: its part {part} would expand {ratio} times (to {size} MB), as a ZIP bomb does.</source>
        <translation>Файл {file} отклонён: его часть {part} при распаковке увеличилась бы в {ratio} раз (до {size} МБ), как это бывает с ZIP-бомбой.</translation>
    </message>
    <message>
        <source>{file} is refused: it would expand to {size} MB (at most {max} MB are read). Save the data as CSV instead.</source>
        <translation>Файл {file} отклонён: при распаковке он занял бы {size} МБ (читается не больше {max} МБ). Сохраните данные как CSV.</translation>
    </message>
    <message>
        <source>{file} is a ZIP archive but not an Excel workbook (it has no worksheets).</source>
        <translation>Файл {file} — ZIP-архив, но не книга Excel (в нём нет рабочих листов).</translation>
    </message>
    <message>
        <source>Excel files cannot be read safely here ({library} is not using {parser}; is the environment variable {variable} set to False?). Save the data as CSV instead.</source>
        <translation>Здесь файлы Excel нельзя прочитать безопасно ({library} не использует {parser}; не задано ли переменной окружения {variable} значение False?). Сохраните данные как CSV.</translation>
    </message>
    <message>
        <source>{file} is refused: its XML declares entities, which an Excel workbook never needs (an “entity expansion” or “billion laughs” attack).</source>
        <translation>Файл {file} отклонён: в его XML объявлены сущности, которые книге Excel никогда не нужны (атака «расширение сущностей», или «миллиард смешков»).</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook ({reason}). Save it again from Excel, or as CSV.</source>
        <translation>Файл {file} не удаётся прочитать как книгу Excel ({reason}). Сохраните его в Excel заново или как CSV.</translation>
    </message>
    <message>
        <source>{file} is an Excel workbook without worksheets (it holds charts only).</source>
        <translation>Файл {file} — книга Excel без рабочих листов (в ней только диаграммы).</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”; its sheets are {sheets}.</source>
        <translation>В файле {file} нет листа «{sheet}»; его листы: {sheets}.</translation>
    </message>
    <message>
        <source>None of the {count} sheets of {file} ({sheets}) has a header row with columns to import. Choose the sheet to import.</source>
        <translation>Ни на одном из листов файла {file} (всего: {count}; {sheets}) нет строки заголовка со столбцами для импорта. Выберите лист для импорта.</translation>
    </message>
    <message>
        <source>Several sheets of {file} have header rows that fit equally well ({fitting}). Choose the sheet to import.</source>
        <translation>У нескольких листов файла {file} строки заголовка подходят одинаково хорошо ({fitting}). Выберите лист для импорта.</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} is empty: it has no header row.</source>
        <translation>Лист «{sheet}» файла {file} пуст: на нём нет строки заголовка.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; JSON files of at most {max} MB are read. Use CSV for larger tables.</source>
        <translation>Размер файла {file} — {size} МБ; читаются файлы JSON размером не больше {max} МБ. Для таблиц крупнее используйте CSV.</translation>
    </message>
    <message>
        <source>{file} is nested {depth} levels deep; a table needs 2 (a list of objects) and more than {max} are refused.</source>
        <translation>Уровней вложенности в файле {file}: {depth}; таблице нужно 2 (список объектов), а больше {max} не принимается.</translation>
    </message>
    <message>
        <source>{file} is not valid JSON: {reason} (line {line}, column {column}).</source>
        <translation>Файл {file} — недопустимый JSON: {reason} (строка {line}, позиция {column}).</translation>
    </message>
    <message>
        <source>{file} is too deeply nested or too large to read.</source>
        <translation>Файл {file} слишком глубоко вложен или слишком велик, чтобы его прочитать.</translation>
    </message>
    <message>
        <source>{file} holds an object, not a list of objects (one object per record, as {example}).</source>
        <translation>Файл {file} содержит объект, а не список объектов (по одному объекту на запись, как {example}).</translation>
    </message>
    <message>
        <source>{file} holds true or false, not a list of objects (one object per record, as {example}).</source>
        <translation>Файл {file} содержит логическое значение (true или false), а не список объектов (по одному объекту на запись, как {example}).</translation>
    </message>
    <message>
        <source>{file} holds null, not a list of objects (one object per record, as {example}).</source>
        <translation>Файл {file} содержит пустое значение (null), а не список объектов (по одному объекту на запись, как {example}).</translation>
    </message>
    <message>
        <source>{file} holds a string, not a list of objects (one object per record, as {example}).</source>
        <translation>Файл {file} содержит строку, а не список объектов (по одному объекту на запись, как {example}).</translation>
    </message>
    <message>
        <source>{file} holds a number, not a list of objects (one object per record, as {example}).</source>
        <translation>Файл {file} содержит число, а не список объектов (по одному объекту на запись, как {example}).</translation>
    </message>
    <message>
        <source>{file} holds an empty list: there are no records in it to import.</source>
        <translation>Файл {file} содержит пустой список: в нём нет записей для импорта.</translation>
    </message>
    <message>
        <source>{file} is not a list of objects: item {item} is a list.</source>
        <translation>Файл {file} — не список объектов: элемент {item} — список.</translation>
    </message>
    <message>
        <source>{file} is not a list of objects: item {item} is not an object.</source>
        <translation>Файл {file} — не список объектов: элемент {item} — не объект.</translation>
    </message>
    <message>
        <source>{file} has more than {max} different keys; at most {max} are read.</source>
        <translation>В файле {file} больше {max} разных ключей; читается не больше {max}.</translation>
    </message>
    <message>
        <source>Row {row} of {file}: the value of “{key}” is a nested object; only text, numbers, true/false, null and lists of those are read.</source>
        <translation>Строка {row} файла {file}: значение «{key}» — вложенный объект; читаются только текст, числа, логические значения (true/false), null и списки из них.</translation>
    </message>
    <message>
        <source>Row {row} of {file}: the value of “{key}” is a nested list; only text, numbers, true/false, null and lists of those are read.</source>
        <translation>Строка {row} файла {file}: значение «{key}» — вложенный список; читаются только текст, числа, логические значения (true/false), null и списки из них.</translation>
    </message>
    <message>
        <source>{file} is not a GeoJSON FeatureCollection (an object with &quot;type&quot;: &quot;FeatureCollection&quot; and its &quot;features&quot;), so no places can be read from it.</source>
        <translation>{file} — не коллекция объектов GeoJSON (объект с &quot;type&quot;: &quot;FeatureCollection&quot; и его &quot;features&quot;), поэтому пункты из него прочитать нельзя.</translation>
    </message>
    <message>
        <source>{file} gives its coordinates in the reference system {crs}, not in WGS 84 longitude and latitude (EPSG:4326), as GeoJSON requires. Save it again from the GIS as GeoJSON in EPSG:4326.</source>
        <translation>В файле {file} координаты даны в системе {crs}, а не в долготе и широте WGS 84 (EPSG:4326), как требует GeoJSON. Сохраните его заново из ГИС как GeoJSON в EPSG:4326.</translation>
    </message>
    <message>
        <source>The &quot;features&quot; of {file} are not a list of GeoJSON Feature objects.</source>
        <translation>&quot;features&quot; в файле {file} — не список объектов GeoJSON Feature.</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has a {found} geometry, but a node needs a Point.</source>
        <translation>Объект {feature} файла {file} имеет геометрию {found}, а пункту нужна точка (Point).</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has a {found} geometry, but a segment needs a LineString.</source>
        <translation>Объект {feature} файла {file} имеет геометрию {found}, а участку нужна линия (LineString).</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has a {found} geometry, but only nodes (Point) and segments (LineString) are imported from GeoJSON.</source>
        <translation>Объект {feature} файла {file} имеет геометрию {found}, но из GeoJSON импортируются только пункты (Point) и участки (LineString).</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} has coordinates that are not a pair of numbers [longitude, latitude].</source>
        <translation>У объекта {feature} файла {file} координаты — не пара чисел [долгота, широта].</translation>
    </message>
    <message>
        <source>Feature {feature} of {file} lies outside the world&apos;s longitudes and latitudes (longitude {lon}, latitude {lat}); GeoJSON gives longitude first, in WGS 84 degrees.</source>
        <translation>Объект {feature} файла {file} лежит за пределами допустимых долгот и широт (долгота {lon}, широта {lat}); в GeoJSON сначала идёт долгота, в градусах WGS 84.</translation>
    </message>
    <message>
        <source>One of {fields} is required.</source>
        <translation>Нужно заполнить одно из полей: {fields}.</translation>
    </message>
    <message>
        <source>Known codes: {codes}.</source>
        <translation>Допустимые коды: {codes}.</translation>
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
        <translation>Не удаётся прочитать ({reason}).</translation>
    </message>
    <message>
        <source>A list (“{value}”) where one value is expected.</source>
        <translation>Список («{value}») там, где ожидается одно значение.</translation>
    </message>
    <message>
        <source>{value} (a yes-or-no value) where a number is expected.</source>
        <translation>{value} (значение «да/нет») там, где ожидается число.</translation>
    </message>
    <message>
        <source>{value} (a yes-or-no value) where text is expected.</source>
        <translation>{value} (значение «да/нет») там, где ожидается текст.</translation>
    </message>
    <message>
        <source>No source has the uid {uids}.</source>
        <translation>Нет источника с uid {uids}.</translation>
    </message>
    <message>
        <source>“{value}” holds spaces, separators or control characters.</source>
        <translation>«{value}» содержит пробелы, разделители или управляющие символы.</translation>
    </message>
    <message>
        <source>No partner in the atlas has the code “{value}”.</source>
        <translation>В атласе нет партнёра с кодом «{value}».</translation>
    </message>
    <message>
        <source>No record has the uid “{value}” ({kind}).</source>
        <translation>Нет записи с uid «{value}» ({kind}).</translation>
    </message>
    <message>
        <source>Must be more than {min} and at most {max}.</source>
        <translation>Допустимо больше {min}, но не более {max}.</translation>
    </message>
    <message>
        <source>Must be more than {min}.</source>
        <translation>Должно быть больше {min}.</translation>
    </message>
    <message>
        <source>Must be at least {min}.</source>
        <translation>Должно быть не меньше {min}.</translation>
    </message>
    <message>
        <source>Must be at most {max}.</source>
        <translation>Должно быть не больше {max}.</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>импорт {file}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>{app} is already open on this database (process {pid}). Open this window read-only, or cancel?</source>
        <translation>{app} уже открыт с этой базой данных (процесс {pid}). Открыть это окно только для чтения или отменить?</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Открыть только для чтения</translation>
    </message>
</context>
<context>
    <name>LongChecklistField</name>
    <message>
        <source>Type to filter</source>
        <translation>Введите текст для фильтра</translation>
    </message>
    <message>
        <source>Ticked: {names}</source>
        <translation>Отмечено: {names}</translation>
    </message>
    <message>
        <source>None ticked.</source>
        <translation>Ничего не отмечено.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database file {path} is damaged ({problem}). Make a copy of it before changing anything, and restore a backup.</source>
        <translation>Файл базы данных {path} повреждён ({problem}). Прежде чем что-либо менять, сохраните его копию, а затем восстановите данные из резервной копии.</translation>
    </message>
    <message>
        <source>The database file could not be checked: {reason}</source>
        <translation>Не удалось проверить файл базы данных: {reason}</translation>
    </message>
    <message>
        <source>Now working on {path}.</source>
        <translation>Теперь работа идёт с файлом {path}.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Redone.</source>
        <translation>Повторено.</translation>
    </message>
    <message>
        <source>Select an agreement, event, node, corridor or partner first.</source>
        <translation>Сначала выберите соглашение, событие, пункт, коридор или партнёра.</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>удаление: {kind}</translation>
    </message>
    <message>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>Удалено. Ctrl+Z вернёт запись.</translation>
    </message>
    <message>
        <source>Saved to {file}. Ctrl+Z undoes it while this window is open.</source>
        <translation>Сохранено в {file}. Ctrl+Z отменяет изменение, пока это окно открыто.</translation>
    </message>
    <message>
        <source>This database is read-only: nothing can be imported.</source>
        <translation>База данных открыта только для чтения: импорт невозможен.</translation>
    </message>
    <message>
        <source>Team server: read only</source>
        <translation>Сервер команды: только чтение</translation>
    </message>
    <message>
        <source>Your server account may read the team&apos;s records but not change them: your changes stay on this laptop.</source>
        <translation>Ваша учётная запись на сервере может читать записи команды, но не изменять их: ваши изменения остаются на этом ноутбуке.</translation>
    </message>
    <message>
        <source>Synced with the team server.</source>
        <translation>Синхронизировано с сервером команды.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Резервная копия базы данных</translation>
    </message>
    <message>
        <source>Databases (*.sqlite)</source>
        <translation>Базы данных (*.sqlite)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Создание копии…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Backed up to {path} and checked.</source>
        <translation>Копия сохранена в {path} и проверена.</translation>
    </message>
    <message>
        <source>This database is read-only: it cannot be restored here.</source>
        <translation>База данных открыта только для чтения: восстановить её здесь нельзя.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>Databases (*.sqlite);;All files (*)</source>
        <translation>Базы данных (*.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Replace every record with those of {file}? Changes made since that backup are lost, and the edits of this session can no longer be undone.</source>
        <translation>Заменить все записи записями из {file}? Изменения, сделанные после этой копии, будут потеряны, а правки этого сеанса уже нельзя будет отменить.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Восстановлено.</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Все партнёры</translation>
    </message>
    <message>
        <source>{app} — {file}</source>
        <translation>{app} — {file}</translation>
    </message>
    <message>
        <source>Read-only: this database file or its folder cannot be written, so editing is off. {reason}</source>
        <translation>Только чтение: файл базы данных или его папка недоступны для записи, поэтому правка отключена. {reason}</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Партнёр:</translation>
    </message>
    <message>
        <source>The database file {file} could not be read: {error}</source>
        <translation>Не удалось прочитать файл базы данных {file}: {error}</translation>
    </message>
    <message>
        <source>(+{n} other sources&apos; versions)</source>
        <translation>(+{n} в версиях других источников)</translation>
    </message>
    <message>
        <source>{path} · {agreements} agreements{agreements_more} · {events} events{events_more} · {partners} partners · {sources} sources</source>
        <translation>{path} · соглашений: {agreements}{agreements_more} · событий: {events}{events_more} · партнёров: {partners} · источников: {sources}</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved.</source>
        <translation>Только чтение: изменения не сохраняются.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>О программе {app}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;An offline reference on Kazakhstan&apos;s agreements, trade and transport corridors with its partners.&lt;br&gt;It never connects to the network.&lt;br&gt;&lt;br&gt;Database: {path}</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Офлайн-справочник о соглашениях, торговле и транспортных коридорах Казахстана с его партнёрами.&lt;br&gt;Программа не подключается к сети.&lt;br&gt;&lt;br&gt;База данных: {path}</translation>
    </message>
</context>
<context>
    <name>PartnerOverview</name>
    <message>
        <source>This partner is not in the database.</source>
        <translation>Этого партнёра нет в базе данных.</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Все партнёры</translation>
    </message>
    <message>
        <source>Choose a partner to see its overview.</source>
        <translation>Выберите партнёра, чтобы открыть обзор.</translation>
    </message>
    <message>
        <source>no events recorded</source>
        <translation>событий нет</translation>
    </message>
    <message>
        <source>{name} — {events}</source>
        <translation>{name} — {events}</translation>
    </message>
    <message>
        <source>Show the overview of {name}</source>
        <translation>Показать обзор: {name}</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>{language}: {name}</source>
        <translation>{language}: {name}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Level of relations</source>
        <translation>Уровень отношений</translation>
    </message>
    <message>
        <source>{value} ({since})</source>
        <translation>{value} ({since})</translation>
    </message>
    <message>
        <source>Earlier: {history}</source>
        <translation>Ранее: {history}</translation>
    </message>
    <message>
        <source>Diplomatic relations established</source>
        <translation>Установление дипломатических отношений</translation>
    </message>
    <message>
        <source>since: not recorded</source>
        <translation>год установления не указан</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>since {year}</source>
        <translation>с {year} г.</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>дата не указана</translation>
    </message>
    <message>
        <source>[EN]</source>
        <translation>[EN]</translation>
    </message>
    <message>
        <source>[RU]</source>
        <translation>[RU]</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>Механизмы сотрудничества</translation>
    </message>
    <message>
        <source>established {date}</source>
        <translation>дата учреждения: {date}</translation>
    </message>
    <message>
        <source>established: not recorded</source>
        <translation>дата учреждения не указана</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Ключевые факты</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>Show fewer facts</source>
        <translation>Свернуть</translation>
    </message>
    <message>
        <source>Show all {n} facts</source>
        <translation>Показать все факты ({n})</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>по состоянию на {date}</translation>
    </message>
    <message>
        <source>{value} — {metric}</source>
        <translation>{value} — {metric}</translation>
    </message>
    <message>
        <source>Other value: {values}</source>
        <translation>Другое значение: {values}</translation>
    </message>
    <message>
        <source>source not recorded</source>
        <translation>источник не указан</translation>
    </message>
    <message>
        <source>{publisher}, {date}</source>
        <translation>{publisher}, {date}</translation>
    </message>
    <message>
        <source>unnamed source</source>
        <translation>источник без названия</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>{source} (+{n} more)</source>
        <translation>{source} (и ещё {n})</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Источники:</translation>
    </message>
    <message>
        <source>{publisher} ({kind}), {date}: {title}</source>
        <translation>{publisher} ({kind}), {date}: {title}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>без названия</translation>
    </message>
    <message>
        <source>over {n}</source>
        <translation>более {n}</translation>
    </message>
    <message>
        <source>about {n}</source>
        <translation>около {n}</translation>
    </message>
    <message>
        <source>up to {n}</source>
        <translation>до {n}</translation>
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
        <translation>Записи</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Все партнёры</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Фильтр</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>История…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Партнёр:</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>удаление: {kind}</translation>
    </message>
</context>
<context>
    <name>RecordChooser</name>
    <message>
        <source>— (type to find)</source>
        <translation>— (введите текст для поиска)</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Edit {kind}</source>
        <translation>Изменение: {kind}</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>Добавление: {kind}</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Название (англ.)</translation>
    </message>
    <message>
        <source>Title (Russian)</source>
        <translation>Название (рус.)</translation>
    </message>
    <message>
        <source>Title (Kazakh)</source>
        <translation>Название (каз.)</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Дата подписания</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Documents in it</source>
        <translation>Документов в нём</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Подписано на</translation>
    </message>
    <message>
        <source>Summary (English)</source>
        <translation>Краткое содержание (англ.)</translation>
    </message>
    <message>
        <source>Summary (Russian)</source>
        <translation>Краткое содержание (рус.)</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Отрасли</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>Place (English)</source>
        <translation>Место (англ.)</translation>
    </message>
    <message>
        <source>Place (Russian)</source>
        <translation>Место (рус.)</translation>
    </message>
    <message>
        <source>Documents signed</source>
        <translation>Подписано документов</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Turnover, USD million</source>
        <translation>Товарооборот, млн долл. США</translation>
    </message>
    <message>
        <source>Exports, USD million</source>
        <translation>Экспорт, млн долл. США</translation>
    </message>
    <message>
        <source>Imports, USD million</source>
        <translation>Импорт, млн долл. США</translation>
    </message>
    <message>
        <source>Whose statistics</source>
        <translation>Чья статистика</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>Note (English)</source>
        <translation>Примечание (англ.)</translation>
    </message>
    <message>
        <source>Note (Russian)</source>
        <translation>Примечание (рус.)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value, USD million</source>
        <translation>Значение, млн долл. США</translation>
    </message>
    <message>
        <source>Multiple (×)</source>
        <translation>Кратность (×)</translation>
    </message>
    <message>
        <source>By the year</source>
        <translation>К году</translation>
    </message>
    <message>
        <source>Horizon as stated (English)</source>
        <translation>Срок как сказано (англ.)</translation>
    </message>
    <message>
        <source>Horizon as stated (Russian)</source>
        <translation>Срок как сказано (рус.)</translation>
    </message>
    <message>
        <source>Stated on</source>
        <translation>Дата заявления</translation>
    </message>
    <message>
        <source>Stated by (English)</source>
        <translation>Кто заявил (англ.)</translation>
    </message>
    <message>
        <source>Stated by (Russian)</source>
        <translation>Кто заявил (рус.)</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Value as a number</source>
        <translation>Значение числом</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>По состоянию на</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Адрес (URL)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <source>Language code</source>
        <translation>Код языка</translation>
    </message>
    <message>
        <source>What was taken from it</source>
        <translation>Что взято из источника</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Название (англ.)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (рус.)</translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation>Название (каз.)</translation>
    </message>
    <message>
        <source>Country (ISO 3166 code)</source>
        <translation>Страна (код ISO 3166)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <source>From node</source>
        <translation>Из пункта</translation>
    </message>
    <message>
        <source>To node</source>
        <translation>В пункт</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <source>Length, km</source>
        <translation>Длина, км</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Описание (англ.)</translation>
    </message>
    <message>
        <source>Description (Russian)</source>
        <translation>Описание (рус.)</translation>
    </message>
    <message>
        <source>ISO 3166 code</source>
        <translation>Код ISO 3166</translation>
    </message>
    <message>
        <source>Focus partner</source>
        <translation>Приоритетный партнёр</translation>
    </message>
    <message>
        <source>Order in lists</source>
        <translation>Порядок в списках</translation>
    </message>
    <message>
        <source>Group (names of one thing)</source>
        <translation>Группа (названия одного и того же)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Language (ISO 639-1 code)</source>
        <translation>Язык (код ISO 639-1)</translation>
    </message>
    <message>
        <source>Working Russian translation (unofficial)</source>
        <translation>Рабочий перевод на русский (неофициальный)</translation>
    </message>
    <message>
        <source>Base year (increase, multiple)</source>
        <translation>Базовый год (прирост, кратность)</translation>
    </message>
    <message>
        <source>An estimate, not a target</source>
        <translation>Оценка, а не цель</translation>
    </message>
    <message>
        <source>Role of who stated it</source>
        <translation>Кем заявлено (роль)</translation>
    </message>
    <message>
        <source>Value (Russian words)</source>
        <translation>Значение (по-русски)</translation>
    </message>
    <message>
        <source>Approximate position (of the nearest town or district)</source>
        <translation>Приблизительное положение (ближайшего населённого пункта или района)</translation>
    </message>
    <message>
        <source>Approximate position taken from</source>
        <translation>Откуда взято приблизительное положение</translation>
    </message>
    <message>
        <source>Route: the points the line passes (JSON list)</source>
        <translation>Маршрут: точки, через которые проходит линия (список JSON)</translation>
    </message>
    <message>
        <source>Working Kazakh translation (unofficial)</source>
        <translation>Рабочий перевод на казахский (неофициальный)</translation>
    </message>
    <message>
        <source>Value (Kazakh words)</source>
        <translation>Значение (по-казахски)</translation>
    </message>
    <message>
        <source>Description (Kazakh)</source>
        <translation>Описание (на казахском)</translation>
    </message>
    <message>
        <source>What the number is</source>
        <translation>Что означает число</translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation>Вид источника</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <source>Fill in at least one of these.</source>
        <translation>Заполните хотя бы одно из этих полей.</translation>
    </message>
    <message>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation>Слишком длинно: {length} знаков, допускается не более {max}.</translation>
    </message>
    <message>
        <source>Contains control characters (such as NUL); remove them.</source>
        <translation>Содержит управляющие символы (например, NUL); удалите их.</translation>
    </message>
    <message>
        <source>Contains characters that cannot be stored.</source>
        <translation>Содержит символы, которые нельзя сохранить.</translation>
    </message>
    <message>
        <source>There is no such day in the calendar: {month} {year} has {days} days.</source>
        <translation>Такого дня нет в календаре: последнее число {month} {year} года — {days}.</translation>
    </message>
    <message>
        <source>There is no such month in the calendar: a year has 12 months.</source>
        <translation>Такого месяца нет в календаре: в году 12 месяцев.</translation>
    </message>
    <message>
        <source>The year must be between {min} and {max}.</source>
        <translation>Год должен быть от {min} до {max}.</translation>
    </message>
    <message>
        <source>Not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>Это не дата: пишите ГГГГ, ГГГГ-ММ, ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <source>Not a number: write for example 1 234,5 or 1234.5.</source>
        <translation>Это не число: пишите, например, 1 234,5 или 1234.5.</translation>
    </message>
    <message>
        <source>A whole number is needed.</source>
        <translation>Нужно целое число.</translation>
    </message>
    <message>
        <source>Must be between {min} and {max}.</source>
        <translation>Допустимо от {min} до {max}.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>Не может быть отрицательным.</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>Нет среди вариантов выбора.</translation>
    </message>
    <message>
        <source>“{value}” is not an ISO 3166 country code.</source>
        <translation>«{value}» — не код страны ISO 3166.</translation>
    </message>
    <message>
        <source>Refers to a record that does not exist.</source>
        <translation>Ссылается на несуществующую запись.</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Окончание раньше начала.</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Укажите и широту, и долготу — или ни то ни другое.</translation>
    </message>
    <message>
        <source>A segment needs two different nodes.</source>
        <translation>Участку нужны два разных пункта.</translation>
    </message>
    <message>
        <source>An address must begin with http:// or https://, without spaces.</source>
        <translation>Адрес должен начинаться с http:// или https:// и не содержать пробелов.</translation>
    </message>
    <message>
        <source>Write FY, H1, Q1 or the months covered, such as 9M.</source>
        <translation>Пишите FY, H1, Q1 или число месяцев, например 9M.</translation>
    </message>
    <message>
        <source>Yes or no.</source>
        <translation>Да или нет.</translation>
    </message>
    <message>
        <source>Not a route: {detail}. Write a JSON list of points such as [{{&quot;lat&quot;: 45.3, &quot;lon&quot;: 55.2, &quot;name_en&quot;: &quot;Beyneu&quot;, &quot;source&quot;: &quot;src_…&quot;}}].</source>
        <translation>Это не маршрут: {detail}. Напишите список точек в JSON, например [{{&quot;lat&quot;: 45.3, &quot;lon&quot;: 55.2, &quot;name_en&quot;: &quot;Beyneu&quot;, &quot;source&quot;: &quot;src_…&quot;}}].</translation>
    </message>
    <message>
        <source>An approximate position needs a latitude and a longitude.</source>
        <translation>Для приблизительного положения нужны широта и долгота.</translation>
    </message>
    <message>
        <source>Say where the approximate position was taken from.</source>
        <translation>Укажите, откуда взято приблизительное положение.</translation>
    </message>
    <message>
        <source>A partner with the code {value} exists already.</source>
        <translation>Партнёр с кодом {value} уже есть.</translation>
    </message>
    <message>
        <source>Use lowercase Latin letters, digits, “_”, “.” and “-” only, beginning with a letter or digit, at most 80 (for example port_aktau).</source>
        <translation>Только строчные латинские буквы, цифры, «_», «.» и «-», в начале буква или цифра, не более 80 (например, port_aktau).</translation>
    </message>
    <message>
        <source>A name needs at least one word that search can find, not only signs.</source>
        <translation>В названии должно быть хотя бы одно слово, которое найдёт поиск, а не только знаки.</translation>
    </message>
    <message>
        <source>A former name is a fact: cite at least one source.</source>
        <translation>Прежнее название — это факт: укажите хотя бы один источник.</translation>
    </message>
    <message>
        <source>This group has the name “{value}” already.</source>
        <translation>В этой группе уже есть название «{value}».</translation>
    </message>
    <message>
        <source>Not valid ({code}).</source>
        <translation>Недопустимо ({code}).</translation>
    </message>
    <message>
        <source>Kazakhstan&apos;s statistics</source>
        <translation>статистика Казахстана</translation>
    </message>
    <message>
        <source>the partner&apos;s statistics</source>
        <translation>статистика партнёра</translation>
    </message>
    <message>
        <source>another source</source>
        <translation>другой источник</translation>
    </message>
    <message>
        <source>source not stated</source>
        <translation>источник не указан</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>приблизительно</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>не менее</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>не более</translation>
    </message>
    <message>
        <source>turnover</source>
        <translation>товарооборот</translation>
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
        <translation>название</translation>
    </message>
    <message>
        <source>former name</source>
        <translation>прежнее название</translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation>сокращение</translation>
    </message>
    <message>
        <source>other spelling</source>
        <translation>другое написание</translation>
    </message>
    <message>
        <source>synonym</source>
        <translation>синоним</translation>
    </message>
    <message>
        <source>a level to reach</source>
        <translation>уровень, которого нужно достичь</translation>
    </message>
    <message>
        <source>an increase by the value</source>
        <translation>прирост на эту величину</translation>
    </message>
    <message>
        <source>a multiple of the base year</source>
        <translation>кратность к базовому году</translation>
    </message>
    <message>
        <source>head of state</source>
        <translation>глава государства</translation>
    </message>
    <message>
        <source>head of government</source>
        <translation>глава правительства</translation>
    </message>
    <message>
        <source>minister</source>
        <translation>министр</translation>
    </message>
    <message>
        <source>official</source>
        <translation>должностное лицо</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>эксперт</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>аналитик</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>агентство</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>ГГГГ, ГГГГ-ММ, ГГГГ-ММ-ДД или ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>%n поле требует внимания.</numerusform>
            <numerusform>%n поля требуют внимания.</numerusform>
            <numerusform>%n полей требуют внимания.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add {kind}</source>
        <translation>добавление: {kind}</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>соглашение</translation>
    </message>
    <message>
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <source>trade figure</source>
        <translation>торговый показатель</translation>
    </message>
    <message>
        <source>target</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>факт</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>node</source>
        <translation>пункт</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>участок</translation>
    </message>
    <message>
        <source>corridor</source>
        <translation>коридор</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>партнёр</translation>
    </message>
    <message>
        <source>other name</source>
        <translation>другое название</translation>
    </message>
</context>
<context>
    <name>SourceKinds</name>
    <message>
        <source>official (primary)</source>
        <translation>официальный (первоисточник)</translation>
    </message>
    <message>
        <source>official (state news agency)</source>
        <translation>официальный (гос. информагентство)</translation>
    </message>
    <message>
        <source>independent media</source>
        <translation>независимые СМИ</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>aggregator or blog</source>
        <translation>агрегатор или блог</translation>
    </message>
    <message>
        <source>encyclopedia</source>
        <translation>энциклопедия</translation>
    </message>
    <message>
        <source>kind not recorded</source>
        <translation>вид не указан</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Your database {path} could not be read ({reason}). Nothing in it was changed or moved. Close any other program that is using it, check that you may read the file and that its disk or network drive is there, then start {app} again.</source>
        <translation>Не удалось прочитать вашу базу данных {path} ({reason}). В ней ничего не изменено и не перемещено. Закройте другие программы, которые её используют, проверьте, что у вас есть право читать этот файл и что его диск или сетевой диск доступен, затем снова запустите {app}.</translation>
    </message>
    <message>
        <source>Your database was damaged ({problem}). It was moved aside as {moved}, not deleted. Continue with the newest good backup, or with the reference data shipped with the program?</source>
        <translation>Ваша база данных повреждена ({problem}). Она не удалена, а отложена в сторону как {moved}. Продолжить с последней исправной резервной копией или со справочными данными, поставляемыми с программой?</translation>
    </message>
    <message>
        <source>Newest backup</source>
        <translation>Последняя резервная копия</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Справочные данные</translation>
    </message>
    <message>
        <source>Newer reference data was merged into your database. Records added: {added}, updated: {updated}.</source>
        <translation>Новые справочные данные объединены с вашей базой данных. Записей добавлено: {added}, обновлено: {updated}.</translation>
    </message>
    <message>
        <source>Records kept with your changes although the newer data differs: {count}.</source>
        <translation>Записей, оставленных с вашими изменениями, хотя новые данные отличаются: {count}.</translation>
    </message>
    <message>
        <source>Records that could not be merged: {count}.</source>
        <translation>Записей, которые не удалось объединить: {count}.</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… и ещё {count}.</translation>
    </message>
    <message>
        <source>mechanism</source>
        <translation>механизм</translation>
    </message>
    <message>
        <source>project</source>
        <translation>проект</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation>Расхождения в данных</translation>
    </message>
    <message>
        <source>{path} is open read-only: the newer reference data cannot be merged into it.</source>
        <translation>{path} открыта только для чтения: новые справочные данные нельзя с ней объединить.</translation>
    </message>
    <message>
        <source>The reference data shipped with the program ({path}) is missing: nothing was merged.</source>
        <translation>Справочные данные, поставляемые с программой ({path}), отсутствуют: ничего не объединено.</translation>
    </message>
    <message>
        <source>Your database could not be backed up before merging the newer reference data, so nothing was merged: {detail}</source>
        <translation>Не удалось сделать резервную копию вашей базы данных перед объединением с новыми справочными данными, поэтому ничего не объединено: {detail}</translation>
    </message>
    <message>
        <source>The reference data shipped with the program ({path}) cannot be read ({detail}): nothing was merged.</source>
        <translation>Не удаётся прочитать справочные данные, поставляемые с программой ({path}): {detail}. Ничего не объединено.</translation>
    </message>
    <message>
        <source>The newer reference data could not be merged ({detail}). Your database was left as it was; a backup is at {backup}.</source>
        <translation>Не удалось объединить новые справочные данные ({detail}). Ваша база данных оставлена без изменений; резервная копия: {backup}.</translation>
    </message>
    <message>
        <source>Merging the newer reference data would leave broken references ({detail}): nothing was changed.</source>
        <translation>Объединение с новыми справочными данными оставило бы битые ссылки ({detail}): ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with Team Server</source>
        <translation>Синхронизация с сервером команды</translation>
    </message>
    <message>
        <source>A PostgreSQL connection string, a postgresql:// address or service=NAME. Passwords are read from your PostgreSQL password file (~/.pgpass) or asked for; Partnership Atlas never stores them.</source>
        <translation>Строка подключения PostgreSQL, адрес postgresql:// или service=ИМЯ. Пароли читаются из файла паролей PostgreSQL (~/.pgpass) или запрашиваются; Partnership Atlas их не хранит.</translation>
    </message>
    <message>
        <source>Team server:</source>
        <translation>Сервер команды:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>This database is open read-only: a sync cannot write into it.</source>
        <translation>База данных открыта только для чтения: синхронизация не может в неё записывать.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts… (%n)</source>
        <translation>
            <numerusform>Конфликты… (%n)</numerusform>
            <numerusform>Конфликты… (%n)</numerusform>
            <numerusform>Конфликты… (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name the team server first.</source>
        <translation>Сначала укажите сервер команды.</translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation>Синхронизация с сервером команды…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The sync was cancelled. What was received or sent before stays done; the next sync goes on from there.</source>
        <translation>Синхронизация отменена. Полученное или отправленное до этого сохранено; следующая синхронизация продолжит с этого места.</translation>
    </message>
    <message>
        <source>The sync stopped: {reason}</source>
        <translation>Синхронизация остановлена: {reason}</translation>
    </message>
    <message>
        <source>Team server password</source>
        <translation>Пароль сервера команды</translation>
    </message>
    <message>
        <source>The team server asks for the password of this account. It is used for this sync only; to be asked no more, put it in your PostgreSQL password file (~/.pgpass).</source>
        <translation>Сервер команды запрашивает пароль этой учётной записи. Он используется только для этой синхронизации; чтобы его больше не спрашивали, запишите его в файл паролей PostgreSQL (~/.pgpass).</translation>
    </message>
    <message>
        <source>The team server could not be reached. You can keep working: your changes stay here and go out at the next sync. ({detail})</source>
        <translation>Не удалось связаться с сервером команды. Можно продолжать работу: изменения остаются здесь и уйдут при следующей синхронизации. ({detail})</translation>
    </message>
    <message>
        <source>The team server refused the password, or needs one. ({detail})</source>
        <translation>Сервер команды отклонил пароль или требует его. ({detail})</translation>
    </message>
    <message>
        <source>This database is not a Partnership Atlas team server yet: its administrator sets it up with `partnership-atlas server init`.</source>
        <translation>Эта база данных ещё не сервер команды Partnership Atlas: администратор настраивает её командой `partnership-atlas server init`.</translation>
    </message>
    <message>
        <source>The team server was set up by a newer version of Partnership Atlas: update this program to sync with it.</source>
        <translation>Сервер команды настроен более новой версией Partnership Atlas: обновите программу, чтобы синхронизироваться с ним.</translation>
    </message>
    <message>
        <source>Your server account may read the team&apos;s records but not change them.</source>
        <translation>Ваша учётная запись на сервере может читать записи команды, но не изменять их.</translation>
    </message>
    <message>
        <source>Only curators may change the vocabularies on the team server.</source>
        <translation>Изменять справочники на сервере команды могут только кураторы.</translation>
    </message>
    <message>
        <source>The connection to the team server broke during the sync. The step it cut off was kept whole or not at all; sync again when the server is back.</source>
        <translation>Связь с сервером команды прервалась во время синхронизации. Прерванный шаг сохранён целиком или не сохранён вовсе; синхронизируйте снова, когда сервер будет доступен.</translation>
    </message>
    <message>
        <source>The team server&apos;s address is not a valid connection string. Write it as host=… dbname=… user=…, a postgresql:// address or service=NAME. ({detail})</source>
        <translation>Адрес сервера команды — не строка подключения. Запишите его как host=… dbname=… user=…, адрес postgresql:// или service=ИМЯ. ({detail})</translation>
    </message>
    <message>
        <source>The team server refused: {detail}</source>
        <translation>Сервер команды отказал: {detail}</translation>
    </message>
    <message numerus="yes">
        <source>Before it stopped, the sync had received %n change(s)</source>
        <translation>
            <numerusform>До остановки синхронизация получила %n изменение</numerusform>
            <numerusform>До остановки синхронизация получила %n изменения</numerusform>
            <numerusform>До остановки синхронизация получила %n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and sent %n record(s).</source>
        <translation>
            <numerusform>и отправила %n запись.</numerusform>
            <numerusform>и отправила %n записи.</numerusform>
            <numerusform>и отправила %n записей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s) from the team.</source>
        <translation>
            <numerusform>Получено %n изменение от команды.</numerusform>
            <numerusform>Получено %n изменения от команды.</numerusform>
            <numerusform>Получено %n изменений от команды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n record(s).</source>
        <translation>
            <numerusform>Отправлена %n запись.</numerusform>
            <numerusform>Отправлено %n записи.</numerusform>
            <numerusform>Отправлено %n записей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed here and on the server: nothing was overwritten. Open Conflicts… to choose.</source>
        <translation>
            <numerusform>%n запись изменена и здесь, и на сервере: ничего не перезаписано. Откройте «Конфликты…», чтобы выбрать.</numerusform>
            <numerusform>%n записи изменены и здесь, и на сервере: ничего не перезаписано. Откройте «Конфликты…», чтобы выбрать.</numerusform>
            <numerusform>%n записей изменены и здесь, и на сервере: ничего не перезаписано. Откройте «Конфликты…», чтобы выбрать.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your choice.</source>
        <translation>
            <numerusform>%n конфликт ждёт вашего выбора.</numerusform>
            <numerusform>%n конфликта ждут вашего выбора.</numerusform>
            <numerusform>%n конфликтов ждут вашего выбора.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change set(s) wait until the conflicts are settled.</source>
        <translation>
            <numerusform>%n набор изменений ждёт решения конфликтов.</numerusform>
            <numerusform>%n набора изменений ждут решения конфликтов.</numerusform>
            <numerusform>%n наборов изменений ждут решения конфликтов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary change(s) stay here: only curators may send them.</source>
        <translation>
            <numerusform>%n изменение справочников остаётся здесь: отправлять их могут только кураторы.</numerusform>
            <numerusform>%n изменения справочников остаются здесь: отправлять их могут только кураторы.</numerusform>
            <numerusform>%n изменений справочников остаются здесь: отправлять их могут только кураторы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from the server could not be written here.</source>
        <translation>
            <numerusform>%n запись с сервера не удалось записать здесь.</numerusform>
            <numerusform>%n записи с сервера не удалось записать здесь.</numerusform>
            <numerusform>%n записей с сервера не удалось записать здесь.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you deleted came back: records on the team server still need them.</source>
        <translation>
            <numerusform>%n удалённая вами запись вернулась: она нужна записям на сервере команды.</numerusform>
            <numerusform>%n удалённые вами записи вернулись: они нужны записям на сервере команды.</numerusform>
            <numerusform>%n удалённых вами записей вернулись: они нужны записям на сервере команды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you sent referred to records a teammate had just deleted: the server removed those links, as deleting them here would have.</source>
        <translation>
            <numerusform>%n отправленная запись ссылалась на записи, которые коллега только что удалил: сервер убрал эти ссылки, как это сделало бы удаление здесь.</numerusform>
            <numerusform>%n отправленные записи ссылались на записи, которые коллега только что удалил: сервер убрал эти ссылки, как это сделало бы удаление здесь.</numerusform>
            <numerusform>%n отправленных записей ссылались на записи, которые коллега только что удалил: сервер убрал эти ссылки, как это сделало бы удаление здесь.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account ({user}) may only read: your own changes stay on this laptop.</source>
        <translation>Ваша учётная запись ({user}) может только читать: ваши изменения остаются на этом ноутбуке.</translation>
    </message>
    <message>
        <source>Undo starts afresh after changes from the team.</source>
        <translation>После изменений от команды отмена начинается заново.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Import Template</source>
        <translation>Шаблон импорта</translation>
    </message>
    <message>
        <source>An empty Excel workbook to fill and import: the import&apos;s columns, what each holds, and drop-down lists of the values allowed.</source>
        <translation>Пустая книга Excel для заполнения и импорта: столбцы импорта, что в каждом из них, и выпадающие списки допустимых значений.</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>Language of the descriptions:</source>
        <translation>Язык описаний:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The template could not be written to {path}: {error}</source>
        <translation>Не удалось записать шаблон в {path}: {error}</translation>
    </message>
    <message>
        <source>Wrote the import template to {path}.</source>
        <translation>Шаблон импорта записан в {path}.</translation>
    </message>
</context>
<context>
    <name>TradeView</name>
    <message>
        <source>Kazakhstan&apos;s statistics</source>
        <translation>статистика Казахстана</translation>
    </message>
    <message>
        <source>{partner}&apos;s statistics</source>
        <translation>статистика партнёра ({partner})</translation>
    </message>
    <message>
        <source>the partner&apos;s statistics</source>
        <translation>статистика партнёра</translation>
    </message>
    <message>
        <source>another source</source>
        <translation>другой источник</translation>
    </message>
    <message>
        <source>source not stated</source>
        <translation>источник не указан</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Товарооборот</translation>
    </message>
    <message>
        <source>Exports from Kazakhstan</source>
        <translation>Экспорт Казахстана</translation>
    </message>
    <message>
        <source>Imports to Kazakhstan</source>
        <translation>Импорт Казахстана</translation>
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
        <translation>около {v}</translation>
    </message>
    <message>
        <source>over {v}</source>
        <translation>более {v}</translation>
    </message>
    <message>
        <source>under {v}</source>
        <translation>менее {v}</translation>
    </message>
    <message>
        <source>Other sources&apos; figures</source>
        <translation>Данные других источников</translation>
    </message>
    <message>
        <source>Show the figures of the partner&apos;s statistics and other sources where they differ from the preferred one</source>
        <translation>Показать данные статистики партнёра и других источников там, где они расходятся с предпочтительными</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>Оценки</translation>
    </message>
    <message>
        <source>Show estimates by experts, analysts and agencies (not the parties&apos; targets), drawn lighter</source>
        <translation>Показать оценки экспертов, аналитиков и агентств (не цели сторон), бледнее</translation>
    </message>
    <message>
        <source>Partner&apos;s statistics as a line</source>
        <translation>Статистика партнёра линией</translation>
    </message>
    <message>
        <source>Draw the partner&apos;s own statistics as lines of their own (dashed) beside Kazakhstan&apos;s</source>
        <translation>Показать собственную статистику партнёра отдельными (пунктирными) линиями рядом со статистикой Казахстана</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Сохранить график как изображение PNG</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the chart as an SVG drawing</source>
        <translation>Сохранить график как векторный рисунок SVG</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the plotted numbers as CSV</source>
        <translation>Сохранить показанные на графике числа в CSV</translation>
    </message>
    <message>
        <source>Compare turnover with</source>
        <translation>Сравнить товарооборот с</translation>
    </message>
    <message>
        <source>Filter partners</source>
        <translation>Найти партнёра</translation>
    </message>
    <message>
        <source>Targets announced</source>
        <translation>Объявленные цели</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Lines: {statistics}, in US dollars, seen from Kazakhstan. Hollow markers are parts of a year (not comparable with a full year); other markers are the partner&apos;s statistics and other sources&apos; figures, never joined to the lines.</source>
        <translation>Линии: {statistics}, в долларах США, с точки зрения Казахстана. Полые маркеры — часть года (не сравнимы с полным годом); другие маркеры — статистика партнёра и данные других источников, они не соединяются с линиями.</translation>
    </message>
    <message>
        <source>Dashed lines: {statistics}.</source>
        <translation>Пунктирные линии: {statistics}.</translation>
    </message>
    <message>
        <source>Trade turnover with each partner</source>
        <translation>Товарооборот с каждым партнёром</translation>
    </message>
    <message>
        <source>Choose a partner to see its targets.</source>
        <translation>Выберите партнёра, чтобы увидеть цели по нему.</translation>
    </message>
    <message>
        <source>Trade with {partner}</source>
        <translation>Торговля: {partner}</translation>
    </message>
    <message>
        <source>Part of a year</source>
        <translation>Часть года</translation>
    </message>
    <message>
        <source>{measure} ({statistics})</source>
        <translation>{measure} ({statistics})</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>announcer not recorded</source>
        <translation>автор заявления не указан</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>дата не указана</translation>
    </message>
    <message>
        <source>{measure}: {value}</source>
        <translation>{measure}: {value}</translation>
    </message>
    <message>
        <source>Estimate: {value}</source>
        <translation>Оценка: {value}</translation>
    </message>
    <message>
        <source>{value} — {who}, {when}</source>
        <translation>{value} — {who}, {when}</translation>
    </message>
    <message>
        <source>(by {year})</source>
        <translation>(к {year} г.)</translation>
    </message>
    <message>
        <source>(stated {n} times)</source>
        <translation>(заявлений: {n})</translation>
    </message>
    <message>
        <source>amount not recorded</source>
        <translation>величина не указана</translation>
    </message>
    <message>
        <source>+{amount} over {year}, the last full year before it was said ({base} → {value})</source>
        <translation>+{amount} к {year} г. — последнему полному году перед заявлением ({base} → {value})</translation>
    </message>
    <message>
        <source>+{amount} (base year not stated)</source>
        <translation>+{amount} (базовый год не указан)</translation>
    </message>
    <message>
        <source>+{amount} over {year} (no figure for {year})</source>
        <translation>+{amount} к {year} г. (нет данных за {year} г.)</translation>
    </message>
    <message>
        <source>+{amount} over {year} ({base} → {value})</source>
        <translation>+{amount} к {year} г. ({base} → {value})</translation>
    </message>
    <message>
        <source>×{m} (base year not stated)</source>
        <translation>×{m} (базовый год не указан)</translation>
    </message>
    <message>
        <source>×{m} of {year} (no figure for {year})</source>
        <translation>×{m} к {year} г. (нет данных за {year} г.)</translation>
    </message>
    <message>
        <source>×{m} of {year} ({base} → {value})</source>
        <translation>×{m} к {year} г. ({base} → {value})</translation>
    </message>
    <message>
        <source>horizon passed, no figure for {year}</source>
        <translation>срок прошёл, данных за {year} г. нет</translation>
    </message>
    <message>
        <source>met ({year}: {value})</source>
        <translation>достигнута ({year}: {value})</translation>
    </message>
    <message>
        <source>missed ({year}: {value})</source>
        <translation>не достигнута ({year}: {value})</translation>
    </message>
    <message>
        <source>needs {sign}{pct}% a year from {year}</source>
        <translation>нужен рост {sign}{pct}% в год от уровня {year} г.</translation>
    </message>
    <message>
        <source>No target is recorded for this partner.</source>
        <translation>Целевые показатели по этому партнёру не записаны.</translation>
    </message>
    <message>
        <source>value not recorded</source>
        <translation>значение не указано</translation>
    </message>
    <message>
        <source>head of state</source>
        <translation>глава государства</translation>
    </message>
    <message>
        <source>head of government</source>
        <translation>глава правительства</translation>
    </message>
    <message>
        <source>minister</source>
        <translation>министр</translation>
    </message>
    <message>
        <source>official</source>
        <translation>должностное лицо</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>эксперт</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>аналитик</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>агентство</translation>
    </message>
    <message>
        <source>by {year}</source>
        <translation>к {year} г.</translation>
    </message>
    <message>
        <source>no deadline given</source>
        <translation>срок не указан</translation>
    </message>
    <message>
        <source>(not the preferred statement)</source>
        <translation>(не предпочтительное заявление)</translation>
    </message>
    <message>
        <source>no source recorded</source>
        <translation>источник не указан</translation>
    </message>
    <message>
        <source>USD billion</source>
        <translation>млрд долл. США</translation>
    </message>
    <message>
        <source>USD million</source>
        <translation>млн долл. США</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>изображение не удалось записать</translation>
    </message>
    <message>
        <source>the drawing could not be written</source>
        <translation>рисунок не удалось записать</translation>
    </message>
    <message>
        <source>The chart could not be saved to {path}: {error}</source>
        <translation>Не удалось сохранить график в {path}: {error}</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Сохранить график как PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Save the chart as SVG</source>
        <translation>Сохранить график как SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Рисунки SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save the numbers as CSV</source>
        <translation>Сохранить числа в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
</TS>
