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
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
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
        <source>Search agreements (Ctrl+F)</source>
        <translation>Поиск соглашений (Ctrl+F)</translation>
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
        <source>Search titles and summaries in English, Russian or Kazakh (Ctrl+F)</source>
        <translation>Поиск по названиям и краткому содержанию на английском, русском или казахском (Ctrl+F)</translation>
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
        <source>Show the whole region (Ctrl+Shift+A)</source>
        <translation>Показать весь регион (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Fit selection</source>
        <translation>Показать выбранное</translation>
    </message>
    <message>
        <source>Show the selected node, corridor or partner (Ctrl+Shift+S)</source>
        <translation>Показать выбранный пункт, коридор или партнёра (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <source>Zoom in (+ or the mouse wheel)</source>
        <translation>Увеличить масштаб (+ или колесо мыши)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <source>Zoom out (− or the mouse wheel)</source>
        <translation>Уменьшить масштаб (− или колесо мыши)</translation>
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
        <source>Basemap: {source}. Drag to move, wheel or +/− to zoom, click a node or a line to select it.</source>
        <translation>Подложка: {source}. Перетаскивайте карту мышью, масштаб — колесом или +/−, щелчок по пункту или линии выбирает их.</translation>
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
        <source>Node</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <source>Selected partner</source>
        <translation>Выбранный партнёр</translation>
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
        <source>{route} ({mode}, {status}): an end has no position</source>
        <translation>{route} ({mode}, {status}): положение одного из концов неизвестно</translation>
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
        <source>{km} km</source>
        <translation>{km} км</translation>
    </message>
    <message>
        <source>length not recorded</source>
        <translation>длина не указана</translation>
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
        <source>(newest {shown} listed)</source>
        <translation>(показаны последние {shown})</translation>
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
    <name>MainWindow</name>
    <message>
        <source>The database file {path} is damaged ({problem}). Make a copy of it before changing anything, and restore a backup.</source>
        <translation>Файл базы данных {path} повреждён ({problem}). Прежде чем что-либо менять, сохраните его копию, а затем восстановите данные из резервной копии.</translation>
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
        <source>Partner:</source>
        <translation>Партнёр:</translation>
    </message>
    <message>
        <source>{path} · {agreements} agreements · {events} events · {partners} partners · {sources} sources</source>
        <translation>{path} · соглашений: {agreements} · событий: {events} · партнёров: {partners} · источников: {sources}</translation>
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
        <source>{publisher}, {date}: {title}</source>
        <translation>{publisher}, {date}: {title}</translation>
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
        <source>Values in US dollars, seen from Kazakhstan. Hollow markers are parts of a year (not comparable with a full year); other markers are figures of other sources.</source>
        <translation>Значения в долларах США, с точки зрения Казахстана. Полые маркеры — часть года (несопоставима с полным годом); прочие маркеры — данные других источников.</translation>
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
        <source>needs {sign}{pct}% a year from {year}</source>
        <translation>нужен рост {sign}{pct}% в год от уровня {year} г.</translation>
    </message>
    <message>
        <source>No target is recorded for this partner.</source>
        <translation>Целевые показатели по этому партнёру не записаны.</translation>
    </message>
    <message>
        <source>×{m} (base not stated)</source>
        <translation>×{m} (база не указана)</translation>
    </message>
    <message>
        <source>value not recorded</source>
        <translation>значение не указано</translation>
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
        <source>horizon passed ({year}: {value})</source>
        <translation>срок прошёл ({year} г.: {value})</translation>
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
