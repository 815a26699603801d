import type { Database } from '../store/sqlite';
import { dayOf } from './as-of';
import { customersInOrder, loadPurchases, ordersBefore, type PurchaseHistory } from './purchases';
import type { ItemRef } from './sequences';
import { page, percent, sampleIds, share, type Page, type PageRequest } from './stats';

/**
 * Product families and ecosystem adoption. A customer owns a member of a family once they have
 * bought it (returns are not taken off). Following each customer's orders in time, the set of
 * members they own grows; every set they pass through that holds some but not all members is an
 * ownership set they "had", and the members their next order(s) added to it are what they added
 * next. Orders at the same instant count as one step.
 */

export interface FamilyParams {
  /** Ownership sets that fewer customers had are left out. Default 10. */
  minCustomers?: number;
  /** At most this many sets per family, most customers first. Default 20. */
  maxSets?: number;
  /** Only orders placed before this date count; default: all. */
  asOf?: string;
}

export interface NextMember {
  member: ItemRef;
  /** Customers who had the set and added this member next. */
  customers: number;
  /** customers / customers who had the set. */
  share: number;
}

export interface OwnershipSet {
  members: ItemRef[];
  /** Customers who at some point owned exactly these members of the family. */
  customersEver: number;
  /** Customers who own exactly these members now: the audience for the missing ones. */
  customersNow: number;
  /** Customers who had the set and later added another member. */
  addedLater: number;
  /** Members added next, most customers first (up to three); several when one order added several. */
  next: NextMember[];
  sampleCustomerIds: string[];
  explanation: string;
}

export interface FamilyReport {
  family: string;
  members: ItemRef[];
  /** Customers owning at least one member. */
  owners: number;
  /** For k = 1..members: customers owning exactly k members. */
  ownershipCounts: { members: number; customers: number }[];
  sets: OwnershipSet[];
  explanation: string;
}

export interface FamiliesResult {
  parameters: Required<Omit<FamilyParams, 'asOf'>> & { asOf: string | null };
  families: FamilyReport[];
  explanation: string;
}

export const FAMILY_DEFAULTS = { minCustomers: 10, maxSets: 20 } as const satisfies FamilyParams;

interface SetTally {
  members: number[];
  ever: number;
  now: string[];
  addedLater: number;
  next: Map<number, number>;
}

interface FamilyTally {
  family: string;
  /** Product numbers of the members, by product id. */
  members: number[];
  sets: Map<string, SetTally>;
  ownership: number[];
}

function familiesOf(history: PurchaseHistory): Map<string, FamilyTally> {
  const families = new Map<string, FamilyTally>();
  history.products.forEach((p, index) => {
    if (p.family === null) return;
    let family = families.get(p.family);
    if (!family) families.set(p.family, (family = { family: p.family, members: [], sets: new Map(), ownership: [] }));
    family.members.push(index);
  });
  for (const family of families.values()) family.ownership = new Array(family.members.length + 1).fill(0);
  return families;
}

function tally(history: PurchaseHistory, asOf: string | undefined): Map<string, FamilyTally> {
  const families = familiesOf(history);
  const cutoff = asOf === undefined ? null : dayOf(asOf);
  const setOf = (family: FamilyTally, owned: Set<number>): SetTally => {
    const members = [...owned].sort((a, b) => a - b);
    const key = members.join(',');
    let set = family.sets.get(key);
    if (!set) family.sets.set(key, (set = { members, ever: 0, now: [], addedLater: 0, next: new Map() }));
    return set;
  };

  for (const customer of customersInOrder(history, asOf)) {
    const orders = ordersBefore(customer, cutoff);
    const owned = new Map<string, Set<number>>();
    for (let i = 0; i < orders.length;) {
      const day = orders[i].day;
      const added = new Map<string, Set<number>>();
      for (; i < orders.length && orders[i].day === day; i++) {
        for (const { product } of orders[i].purchases) {
          const family = history.products[product].family;
          if (family === null || owned.get(family)?.has(product)) continue;
          let set = added.get(family);
          if (!set) added.set(family, (set = new Set()));
          set.add(product);
        }
      }
      for (const [name, newMembers] of added) {
        const family = families.get(name)!;
        let current = owned.get(name);
        if (current) {
          const before = setOf(family, current);
          before.addedLater++;
          for (const member of newMembers) before.next.set(member, (before.next.get(member) ?? 0) + 1);
        } else {
          owned.set(name, (current = new Set()));
        }
        for (const member of newMembers) current.add(member);
        if (current.size < family.members.length) setOf(family, current).ever++;
      }
    }
    for (const [name, current] of owned) {
      const family = families.get(name)!;
      family.ownership[current.size]++;
      if (current.size < family.members.length) setOf(family, current).now.push(customer.customerId);
    }
  }
  return families;
}

export function analyseFamilies(db: Database, params: FamilyParams = {}, history = loadPurchases(db)): FamiliesResult {
  const { minCustomers, maxSets } = { ...FAMILY_DEFAULTS, ...params };
  const ref = (product: number): ItemRef => ({
    id: history.products[product].id,
    label: history.products[product].name ?? history.products[product].id,
  });
  const families = [...tally(history, params.asOf).values()]
    .filter((f) => f.members.length >= 2)
    .map((family): FamilyReport => {
      const owners = family.ownership.reduce((sum, n) => sum + n, 0);
      const sets = [...family.sets.values()]
        .filter((s) => s.ever >= minCustomers)
        .sort(
          (a, b) =>
            b.ever - a.ever || a.members.length - b.members.length || a.members.join().localeCompare(b.members.join()),
        )
        .slice(0, maxSets)
        .map((set): OwnershipSet => {
          const members = set.members.map(ref);
          const next = [...set.next.entries()]
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .slice(0, 3)
            .map(([member, customers]) => ({ member: ref(member), customers, share: share(customers, set.ever) }));
          const owning = members.map((m) => m.label).join(' + ');
          return {
            members,
            customersEver: set.ever,
            customersNow: set.now.length,
            addedLater: set.addedLater,
            next,
            sampleCustomerIds: sampleIds(set.now),
            explanation:
              next.length === 0
                ? `${set.ever} customers have owned exactly ${owning} from ${family.family}; none has added another member yet.`
                : `Of the ${set.ever} customers who owned exactly ${owning} from ${family.family}, ${next[0].customers} (${percent(next[0].share)}) added ${next[0].member.label} next; ${set.now.length} own exactly this set today.`,
          };
        });
      return {
        family: family.family,
        members: family.members.map(ref),
        owners,
        ownershipCounts: family.ownership.slice(1).map((customers, i) => ({ members: i + 1, customers })),
        sets,
        explanation: `${owners} customers own at least one of the ${family.members.length} products in ${family.family}; ${family.ownership[family.members.length]} own all of them.`,
      };
    })
    .sort((a, b) => b.owners - a.owners || a.family.localeCompare(b.family));
  return {
    parameters: { minCustomers, maxSets, asOf: params.asOf ?? null },
    families,
    explanation: `How customers build up each product family: how many members they own, and for each set of members that at least ${minCustomers} customers owned at some point, which member they tended to add next. It describes what happened, not why.`,
  };
}

/** Customers who own exactly `members` of `family` now (as of `asOf`), by customer id, a page at a time. */
export function familySetCustomers(
  db: Database,
  set: { family: string; members: string[]; asOf?: string },
  request: PageRequest = {},
  history = loadPurchases(db),
): Page<string> {
  const family = tally(history, set.asOf).get(set.family);
  const key = set.members
    .map((id) => history.productIndex.get(id) ?? -1)
    .sort((a, b) => a - b)
    .join(',');
  return page([...(family?.sets.get(key)?.now ?? [])].sort(), request);
}
