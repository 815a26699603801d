/**
 * Etsy's two downloads name the buyer differently, and differently over the years: the order
 * items file writes "Full Name (username)", or the username alone; the orders file writes the
 * username in Buyer User ID and, in its Buyer column, either the username again or the buyer's
 * full name (then the same as its Full Name column). The customer is known by the username in
 * both files, so that importing both links each order to one customer and two buyers sharing a
 * name stay two. A guest checkout has no username: the name the file gives stands in.
 */

export const ETSY_BUYER = 'Buyer';

/** "Rosa Lind (rosa_makes)" → "rosa_makes"; a Buyer without a bracketed username as it is. */
export function buyerOfItem(buyer: string): string {
  const username = /\(([^()\s]+)\)\s*$/.exec(buyer);
  return username ? username[1] : buyer.trim();
}

/** The Buyer of an order, unless it is the buyer's full name: then the username, when there is one. */
export function buyerOfOrder(buyer: string, fullName: string, userId: string): string {
  const isFullName = buyer.trim() !== '' && buyer.trim() === fullName.trim();
  return isFullName && userId.trim() !== '' ? userId.trim() : buyer.trim();
}
