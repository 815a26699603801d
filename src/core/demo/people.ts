import { WeightedTable, type Random } from '../util/random';
import { DAY, DEMO_END, dateOnly } from './calendar';

/** Invented people: names from many countries, addresses only at reserved example domains, fictional phone ranges. */

const FIRST_NAMES = [
  'Emma',
  'Olivia',
  'Sophie',
  'Mia',
  'Hannah',
  'Lea',
  'Chloé',
  'Camille',
  'Julia',
  'Sara',
  'Anna',
  'Laura',
  'Isabella',
  'Grace',
  'Ava',
  'Amelia',
  'Maya',
  'Zoë',
  'Freya',
  'Ella',
  'Lucía',
  'Sofía',
  'Inès',
  'Elena',
  'Giulia',
  'Marta',
  'Noor',
  'Fatima',
  'Aisha',
  'Priya',
  'Mei',
  'Yuki',
  'Nina',
  'Clara',
  'Alice',
  'Ruth',
  'Ingrid',
  'Astrid',
  'Saoirse',
  'Aoife',
  'Zara',
  'Leila',
  'Hana',
  'Amara',
  'Liam',
  'Noah',
  'Oliver',
  'James',
  'Lucas',
  'Leon',
  'Finn',
  'Jonas',
  'Elias',
  'Hugo',
  'Louis',
  'Mateo',
  'Daniel',
  'David',
  'Samuel',
  'Thomas',
  'Ben',
  'Max',
  'Felix',
  'Oscar',
  'Arthur',
  'Jack',
  'Harry',
  'Ethan',
  'Adam',
  'Omar',
  'Yusuf',
  'Arjun',
  'Ravi',
  'Kenji',
  'Wei',
  'Lars',
  'Erik',
  'Sven',
  'Conor',
  'Seán',
  'Pablo',
  'Javier',
  'Marco',
  'Luca',
  'Matteo',
  'Jamal',
  'Tariq',
  'Kofi',
  'Chidi',
  'René',
];

const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  'Evans',
  'Walker',
  'Wright',
  'Thompson',
  'Martin',
  'Garcia',
  'Martinez',
  'Rodriguez',
  'Lopez',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Becker',
  'Dubois',
  'Bernard',
  'Moreau',
  'Laurent',
  'Lefèvre',
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Andersson',
  'Johansson',
  'Lindqvist',
  'Nilsson',
  'Murphy',
  'Kelly',
  "O'Brien",
  'Walsh',
  'Byrne',
  'Rossi',
  'Russo',
  'Bianchi',
  'Romano',
  'Fernández',
  'González',
  'Navarro',
  'Patel',
  'Shah',
  'Khan',
  'Singh',
  'Nguyen',
  'Tran',
  'Kim',
  'Park',
  'Chen',
  'Wang',
  'Li',
  'Tanaka',
  'Sato',
  'Okafor',
  'Mensah',
  'Haddad',
  'Novak',
  'Kowalski',
  'Horvat',
  'Costa',
  'Silva',
  'Almeida',
  'Hughes',
  'Clarke',
  'Campbell',
  'Stewart',
  'Reid',
  'Fraser',
  'Bennett',
  'Cooper',
  'Mitchell',
  'Ward',
  'Hill',
  'Green',
];

const COUNTRIES = new WeightedTable<string>([
  ['US', 30],
  ['GB', 17],
  ['DE', 10],
  ['CA', 8],
  ['AU', 7],
  ['FR', 6],
  ['NL', 6],
  ['IE', 4],
  ['SE', 4],
  ['ES', 4],
  ['IT', 4],
]);

const CALLING_CODES: Record<string, string> = {
  US: '1',
  CA: '1',
  GB: '44',
  DE: '49',
  AU: '61',
  FR: '33',
  NL: '31',
  IE: '353',
  SE: '46',
  ES: '34',
  IT: '39',
};

const DOMAINS = new WeightedTable<string>([
  ['example.com', 50],
  ['example.net', 25],
  ['example.org', 25],
]);

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  country: string;
  birthday: string;
  emailOptIn: boolean;
  smsOptIn: boolean;
}

const digits = (rng: Random, count: number) => String(rng.int(0, 10 ** count - 1)).padStart(count, '0');

/** Numbers from ranges set aside for fiction where a country has one, otherwise a 555 block. */
function phoneNumber(rng: Random, country: string): string {
  if (country === 'US' || country === 'CA') return `+1 ${rng.int(201, 989)} 555 01${digits(rng, 2)}`;
  if (country === 'GB') return `+44 7700 900${digits(rng, 3)}`;
  return `+${CALLING_CODES[country]} 555 ${digits(rng, 3)} ${digits(rng, 3)}`;
}

function emailName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Makes people with e-mail addresses that are unique within one workspace. */
export class PeopleFactory {
  private readonly issued = new Set<string>();

  create(rng: Random): Person {
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const country = COUNTRIES.draw(rng);
    const age = Math.round(Math.min(80, Math.max(18, rng.normal(38, 12))));
    const birthday = dateOnly(DEMO_END - age * 365.25 * DAY - rng.int(0, 364) * DAY);
    const emailOptIn = rng.chance(0.62);
    return {
      firstName,
      lastName,
      email: this.uniqueEmail(rng, firstName, lastName, birthday),
      phone: phoneNumber(rng, country),
      country,
      birthday,
      emailOptIn,
      smsOptIn: rng.chance(emailOptIn ? 0.35 : 0.08),
    };
  }

  private uniqueEmail(rng: Random, firstName: string, lastName: string, birthday: string): string {
    const first = emailName(firstName);
    const last = emailName(lastName);
    const style = rng.int(0, 9);
    const local =
      style < 4
        ? `${first}.${last}`
        : style < 6
          ? `${first}${last}`
          : style < 7
            ? `${first}_${last}`
            : style < 9
              ? `${first[0]}.${last}`
              : `${first}.${last}${birthday.slice(2, 4)}`;
    const domain = DOMAINS.draw(rng);
    let email = `${local}@${domain}`;
    for (let n = 2; this.issued.has(email); n++) email = `${local}${n}@${domain}`;
    this.issued.add(email);
    return email;
  }
}
