/**
 * Known place names, so "Mexico" becomes a country, "California" a state and "New York" a city
 * (with the state as a second reading). Addresses are free text (seed data has "USA" and
 * "México"), so each place matches every usual spelling: name, accented name and code.
 * Names not listed here are read as cities, with lower confidence.
 */
import { normalise } from './tokens';

/** The address field a place name refers to, with the stored spellings to match. */
export interface Place {
  field: 'address.city' | 'address.state' | 'address.country';
  values: string[];
}

/** Places separated by new lines or ";": spellings separated by "|", then optional extra lookup keys after ":". */
const CITIES = `New York: nyc, new york city
Mexico City|Ciudad de México|CDMX: cdmx
Los Angeles; San Francisco; Boston; Chicago; Miami; Houston; Dallas; Austin; Seattle; Denver; Atlanta; Philadelphia; Phoenix
San Diego; Las Vegas; San Antonio; Orlando; Toronto; Montreal|Montréal; Vancouver; Calgary; Ottawa; Monterrey; Guadalajara
Tijuana; Cancún|Cancun; Mérida|Merida; London; Paris; Madrid; Barcelona; Berlin; Rome; Lisbon; Amsterdam; Dublin; Buenos Aires
São Paulo|Sao Paulo; Rio de Janeiro; Bogotá|Bogota; Lima; Sydney; Melbourne; Tokyo`;

const STATES = `Alabama|AL
Alaska|AK
Arizona|AZ
Arkansas|AR
California|CA
Colorado|CO
Connecticut|CT
Delaware|DE
Florida|FL
Georgia|GA
Hawaii|HI
Idaho|ID
Illinois|IL
Indiana|IN
Iowa|IA
Kansas|KS
Kentucky|KY
Louisiana|LA
Maine|ME
Maryland|MD
Massachusetts|MA
Michigan|MI
Minnesota|MN
Mississippi|MS
Missouri|MO
Montana|MT
Nebraska|NE
Nevada|NV
New Hampshire|NH
New Jersey|NJ
New Mexico|NM
New York|NY
North Carolina|NC
North Dakota|ND
Ohio|OH
Oklahoma|OK
Oregon|OR
Pennsylvania|PA
Rhode Island|RI
South Carolina|SC
South Dakota|SD
Tennessee|TN
Texas|TX
Utah|UT
Vermont|VT
Virginia|VA
Washington|WA
West Virginia|WV
Wisconsin|WI
Wyoming|WY
Ontario|ON
Quebec|Québec|QC
British Columbia|BC
Alberta|AB
Manitoba|MB
Saskatchewan|SK
Nova Scotia|NS
New Brunswick|NB
Newfoundland and Labrador|NL
Prince Edward Island|PE
Aguascalientes
Baja California
Baja California Sur
Campeche
Chiapas
Chihuahua
Coahuila
Colima
Durango
Guanajuato
Guerrero
Hidalgo
Jalisco
Michoacán|Michoacan
Morelos
Nayarit
Nuevo León|Nuevo Leon
Oaxaca
Puebla
Querétaro|Queretaro
Quintana Roo
San Luis Potosí|San Luis Potosi
Sinaloa
Sonora
Tabasco
Tamaulipas
Tlaxcala
Veracruz
Yucatán|Yucatan
Zacatecas`;

const COUNTRIES = `United States|USA|US|United States of America: us, usa, u.s, u.s.a, america, united states of america
Mexico|México|MX
Canada|CA
United Kingdom|UK|GB|Great Britain: uk, britain
Spain|España|ES
France|FR
Germany|Deutschland|DE
Italy|Italia|IT
Portugal|PT
Netherlands|The Netherlands|Holland|NL
Belgium|BE
Switzerland|CH
Austria|AT
Ireland|IE
Sweden|SE
Norway|NO
Denmark|DK
Finland|FI
Poland|PL
Greece|GR
Turkey|TR
Ukraine|UA
Brazil|Brasil|BR
Argentina|AR
Colombia|CO
Chile|CL
Peru|Perú|PE
Venezuela|VE
Ecuador|EC
Guatemala|GT
Costa Rica|CR
Panama|Panamá|PA
Uruguay|UY
Paraguay|PY
Bolivia|BO
Honduras|HN
El Salvador|SV
Nicaragua|NI
Dominican Republic|República Dominicana|DO
Puerto Rico|PR
India|IN
China|CN
Japan|JP
South Korea|Korea|KR
Australia|AU
New Zealand|NZ
South Africa|ZA
Nigeria|NG
Egypt|EG
Israel|IL
United Arab Emirates|UAE|AE: uae
Saudi Arabia|SA
Singapore|SG
Philippines|PH
Indonesia|ID
Vietnam|VN
Thailand|TH
Malaysia|MY`;

const key = (name: string): string => normalise(name).replace(/-/g, ' ');
const isCode = (value: string): boolean => /^[A-Z.]{2,4}$/.test(value);

function build(): Map<string, Place[]> {
  const index = new Map<string, Place[]>();
  const blocks: Array<[Place['field'], string]> = [
    ['address.city', CITIES],
    ['address.state', STATES],
    ['address.country', COUNTRIES],
  ];
  for (const [field, block] of blocks) {
    for (const entry of block.split(/\n|;/)) {
      const [spellings = '', extra = ''] = entry.split(':');
      const place: Place = { field, values: spellings.split('|').map((v) => v.trim()) };
      const keys = new Set([
        ...place.values.filter((v) => !isCode(v)).map(key),
        ...extra
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      ]);
      for (const k of keys) index.set(k, [...(index.get(k) ?? []), place]);
    }
  }
  return index;
}

/** Place names by normalised key; a key with several places is ambiguous, most likely first. */
export const PLACES: ReadonlyMap<string, Place[]> = build();

/** The known keys by first word, so a lookup only tries the names that can start at a token. */
export const PLACE_KEYS_BY_FIRST_WORD: ReadonlyMap<string, string[]> = (() => {
  const byFirst = new Map<string, string[]>();
  for (const k of PLACES.keys()) {
    const first = k.split(' ')[0] ?? k;
    byFirst.set(first, [...(byFirst.get(first) ?? []), k]);
  }
  return byFirst;
})();
