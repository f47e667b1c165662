import type { Sex } from '../repositories/records.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Invented people for a large synthetic clinic. The names mix languages, accents, hyphens and
 * particles on purpose, so name search meets what real front desks type; emails use the reserved
 * `.example` domain so that no real mailbox is ever addressed.
 */

const femaleNames = [
  'Anna', 'Maria', 'Sofia', 'Emma', 'Mia', 'Lena', 'Laura', 'Julia', 'Sarah', 'Lea', 'Hannah', 'Clara', 'Nora', 'Eva', 'Ida',
  'Chiara', 'Giulia', 'Francesca', 'Elena', 'Beatriz', 'Lucía', 'Carmen', 'Inés', 'Marta', 'Zoë', 'Chloé', 'Léa', 'Camille',
  'Amélie', 'Margaux', 'Anne-Marie', 'Marie-Claire', 'Agnieszka', 'Katarzyna', 'Zuzana', 'Ágnes', 'Réka', 'Ingrid', 'Astrid',
  'Sigrid', 'Maja', 'Freya', 'Aoife', 'Siobhán', 'Niamh', 'Olivia', 'Amelia', 'Isla', 'Grace', 'Chloe', 'Emily', 'Charlotte',
  'Yasmin', 'Leyla', 'Aylin', 'Elif', 'Fatima', 'Amira', 'Noor', 'Mei', 'Yuki', 'Priya', 'Ananya', 'Svetlana', 'Olga', 'Daria',
  'Ioana', 'Andreea', 'Jana', 'Petra', 'Tereza', 'Dóra', 'Helga', 'Birgit', 'Renate', 'Ursula', 'Monika', 'Sabine', 'Claudia',
];

const maleNames = [
  'Lukas', 'Jonas', 'Leon', 'Felix', 'Paul', 'Max', 'Noah', 'Elias', 'Ben', 'Finn', 'Marco', 'Luca', 'Matteo', 'Giovanni',
  'Alessandro', 'José', 'Javier', 'Álvaro', 'Pablo', 'Jean-Luc', 'François', 'Théo', 'Hugo', 'Louis', 'Mateusz', 'Piotr',
  'Tomáš', 'Jiří', 'Bence', 'Dániel', 'Lars', 'Søren', 'Björn', 'Oisín', 'Seán', 'James', 'Oliver', 'George', 'Harry', 'Arjun',
  'Omar', 'Yusuf', 'Emre', 'Kemal', 'Hiroshi', 'Wei', 'Dmitri', 'Andrei', 'Mihai', 'Stefan', 'Thomas', 'Michael', 'Andreas',
];

/** Common surnames come first and are drawn more often, as in a real register. */
const lastNames = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter',
  'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt',
  'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer',
  'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller',
  'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo',
  'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz',
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard',
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Novák', 'Svoboda', 'Dvořák', 'Nagy', 'Kovács', 'Tóth', 'Szabó',
  'Jensen', 'Nielsen', 'Hansen', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Larsen', 'Berg', 'Lindqvist', 'Ström',
  'Murphy', "O'Brien", "O'Connor", 'Kelly', 'Byrne', 'Walsh', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Haddad', 'Khalil', 'Nasser', 'Tanaka', 'Suzuki', 'Wang', 'Chen',
  'Li', 'Zhang', 'Nguyen', 'Tran', 'Patel', 'Sharma', 'Singh', 'Ivanova', 'Petrova', 'Popescu', 'Ionescu', 'Horváth',
  'van der Berg', 'de Vries', 'van Dijk', 'de Jong', 'von Arnim', 'di Stefano', 'da Silva', 'dos Santos', 'Al-Farsi', 'Ben-David',
  'Schulte-Bockholt', 'Meyer-Lindner', 'García-Márquez', 'Lloyd-Jones', 'Nowak-Kowalska', 'Ortega y Gasset',
];

const cityCodes = ['30', '40', '89', '221', '69', '711', '211', '341', '351', '511'];

export interface Person {
  firstName: string;
  lastName: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
}

/** The rare rest of a register: surnames put together from common beginnings and endings. */
const surnameStarts = [
  'Brand', 'Stein', 'Lind', 'Ross', 'Berg', 'Hof', 'Wald', 'Feld', 'Kron', 'Adler', 'Baum', 'Eich', 'Fels', 'Gold', 'Grün', 'Hart',
  'Kalt', 'Lang', 'Mar', 'Ros', 'Sand', 'Schön', 'Stern', 'Wein', 'Zell', 'Bel', 'Cas', 'Dal', 'Fior', 'Gar', 'Lor', 'Mon', 'Pal',
  'San', 'Val', 'Ver', 'Kowal', 'Nowa', 'Lew', 'Zaj', 'Szym', 'Kar', 'Lund', 'Ny', 'Ek', 'Holm', 'Bren', 'Dorn', 'Eng', 'Frei',
];
const surnameEnds = [
  'mann', 'er', 'inger', 'hofer', 'berger', 'stein', 'feld', 'ini', 'etti', 'ello', 'ano', 'ez', 'ski', 'czyk', 'ak', 'sson', 'sen',
  'ström', 'gren', 'lund', 'bauer', 'meier', 'haus', 'hardt',
];

/** Cumulative weights of `lastNames`: the n-th most common is drawn in proportion to 1/sqrt(n). */
const commonSurnameWeights = lastNames.reduce<number[]>((acc, _name, i) => [...acc, (acc.at(-1) ?? 0) + 1 / Math.sqrt(i + 1)], []);

/**
 * A surname as a large register has them: just under half from the common list (the commonest
 * near 1.5 % of all patients, as Müller is in Germany), the rest a long tail of rarer names.
 */
function lastName(random: SeededRandom): string {
  if (random.chance(0.55)) return `${random.pick(surnameStarts)}${random.pick(surnameEnds)}`;
  const target = random.next() * (commonSurnameWeights.at(-1) ?? 1);
  let low = 0;
  let high = commonSurnameWeights.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((commonSurnameWeights[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  return lastNames[low] ?? 'Müller';
}

function asciiLocal(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function phone(random: SeededRandom): string {
  const style = random.int(0, 3);
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (style === 0) return `+49 ${random.pick(cityCodes)} ${digits(4)} ${digits(4)}`;
  if (style === 1) return `0${random.int(151, 179)} ${digits(7)}`;
  if (style === 2) return `+49 (0)${random.pick(cityCodes)} ${digits(3)}-${digits(4)}`;
  return `+${random.pick(['43', '41', '39', '33', '44'])} ${digits(3)} ${digits(3)} ${digits(4)}`;
}

/** Mesotherapy patients are mostly women; a few records leave sex open. */
export function person(random: SeededRandom, serial: number): Person {
  const sex = random.weighted<Sex>([['female', 80], ['male', 18], ['other', 1], ['unknown', 1]]);
  const firstName = random.pick(sex === 'male' ? maleNames : sex === 'female' ? femaleNames : random.chance(0.5) ? femaleNames : maleNames);
  const last = random.chance(0.04) ? `${lastName(random)}-${lastName(random)}` : lastName(random);
  return {
    firstName,
    lastName: last,
    sex,
    phone: random.chance(0.92) ? phone(random) : null,
    // The serial keeps the addresses of namesakes apart.
    email: random.chance(0.75) ? `${asciiLocal(firstName)}.${asciiLocal(last)}${serial}@mail.example` : null,
  };
}

export const staffNames = { femaleNames, maleNames, lastName };
