import { faker as hu } from '@faker-js/faker/locale/hu';
import { faker as pl } from '@faker-js/faker/locale/pl';
import { faker as sk } from '@faker-js/faker/locale/sk';

export interface DemoFaker {
  country: 'HU' | 'PL' | 'SK';
  faker: typeof hu;
  tld: string;
  freeMail: string;
  taxId: () => string;
}

/** One faker per demo country, seeded so the demo is the same every time. */
export function demoFakers(seed: number): DemoFaker[] {
  hu.seed(seed);
  pl.seed(seed + 1);
  sk.seed(seed + 2);
  const digits = (f: typeof hu, n: number) => f.string.numeric({ length: n, allowLeadingZeros: false });
  return [
    { country: 'HU', faker: hu, tld: 'hu', freeMail: 'freemail.hu', taxId: () => `${digits(hu, 8)}-${hu.number.int({ min: 1, max: 5 })}-${digits(hu, 2)}` },
    { country: 'PL', faker: pl, tld: 'pl', freeMail: 'wp.pl', taxId: () => digits(pl, 10) },
    { country: 'SK', faker: sk, tld: 'sk', freeMail: 'azet.sk', taxId: () => `SK${digits(sk, 10)}` },
  ];
}
