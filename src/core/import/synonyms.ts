import type { FieldName } from './kinds';

/**
 * Column names that real exports use for each canonical field, written in their normalised form
 * (see normaliseHeader), strongest first. A name may stand for different fields in different
 * kinds ("price" is a product's price in a product list and the unit price on an order line):
 * a mapping only ever looks at the fields of one kind.
 */
export const SYNONYMS: Record<FieldName, readonly string[]> = {
  customer_id: [
    'customerid',
    'customerno',
    'customernumber',
    'custid',
    'customer',
    'clientid',
    'client',
    'membernumber',
    'memberid',
    'member',
    'userid',
    'user',
    'buyerid',
    'accountid',
    'shopperid',
    'contactid',
  ],
  email: ['email', 'emailaddress', 'mail', 'customeremail'],
  first_name: ['firstname', 'givenname', 'forename', 'first'],
  last_name: ['lastname', 'surname', 'familyname', 'last'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'telephone', 'tel', 'cellphone'],
  country: ['country', 'countrycode', 'billingcountry', 'shippingcountry', 'nation'],
  signup_at: [
    'signupat',
    'signupdate',
    'signedup',
    'registeredat',
    'registrationdate',
    'joined',
    'joindate',
    'customersince',
    'createdat',
  ],
  loyalty_tier: ['loyaltytier', 'loyaltylevel', 'membershiplevel', 'membershiptier', 'tier'],
  loyalty_points: ['loyaltypoints', 'points', 'rewardpoints', 'pointsbalance'],
  email_opt_in: [
    'emailoptin',
    'emailconsent',
    'acceptsemail',
    'acceptsemailmarketing',
    'acceptsmarketing',
    'newsletter',
    'marketingoptin',
  ],
  sms_opt_in: ['smsoptin', 'smsconsent', 'acceptssms', 'acceptssmsmarketing', 'textoptin'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob'],
  product_id: [
    'productid',
    'stockcode',
    'sku',
    'productcode',
    'itemid',
    'itemcode',
    'articleid',
    'articlenumber',
    'lineitemsku',
    'productsku',
    'variantsku',
    'item',
    'itemdescription',
    'product',
  ],
  name: ['name', 'productname', 'title', 'itemname', 'description', 'productdescription', 'product'],
  product_name: ['description', 'productname', 'productdescription', 'itemname', 'lineitemname', 'title'],
  category: [
    'category',
    'productcategory',
    'productcategoryname',
    'categoryname',
    'department',
    'productgroup',
    'producttype',
    'subcategory',
  ],
  family: ['family', 'productfamily', 'productline', 'collection', 'range', 'ecosystem', 'series'],
  tier: ['tier', 'laddertier', 'ladderstep', 'level', 'rank'],
  price: ['price', 'unitprice', 'listprice', 'retailprice', 'rrp', 'msrp', 'sellingprice'],
  rating: ['rating', 'averagerating', 'avgrating', 'stars', 'reviewscore'],
  review_count: ['reviewcount', 'reviews', 'numberofreviews', 'numreviews', 'ratingcount'],
  launched_at: ['launchedat', 'launchdate', 'releasedate', 'launched', 'released', 'introduced'],
  in_stock: ['instock', 'available', 'availability', 'stockstatus'],
  order_id: [
    'orderid',
    'invoiceno',
    'invoice',
    'invoiceid',
    'invoicenumber',
    'ordernumber',
    'orderno',
    'order',
    'transactionid',
    'transaction',
    'receiptid',
    'receiptno',
    'basketid',
    'ticketid',
  ],
  ordered_at: [
    'orderedat',
    'orderdate',
    'invoicedate',
    'purchasedate',
    'orderpurchasetimestamp',
    'purchasetimestamp',
    'purchasedat',
    'transactiondate',
    'orderdatetime',
    'date',
    'datetime',
    'createdat',
    'timestamp',
  ],
  quantity: ['quantity', 'qty', 'lineitemquantity', 'units', 'quantityordered', 'count'],
  unit_price: ['unitprice', 'price', 'lineitemprice', 'itemprice', 'priceeach', 'sellingprice', 'unitcost'],
  discount: ['discount', 'discountamount', 'lineitemdiscount', 'markdown'],
  channel: ['channel', 'saleschannel', 'source', 'medium'],
  is_gift: ['isgift', 'gift', 'giftorder'],
  status: ['status', 'orderstatus', 'financialstatus', 'state'],
  // "Order number" is far more often the order's own number: it is the weakest name here, and
  // the proposal keeps it only when its values repeat across customers (see order-sequence.ts).
  sequence: [
    'sequence',
    'ordersequence',
    'sequencenumber',
    'customerordernumber',
    'purchasenumber',
    'ordercount',
    'ordernumber',
  ],
  days_since_prior: [
    'dayssincepriororder',
    'dayssinceprior',
    'dayssincelastorder',
    'dayssincepreviousorder',
    'dayssinceprevious',
    'daysbetweenorders',
  ],
  occurred_at: ['occurredat', 'timestamp', 'eventtime', 'eventdate', 'datetime', 'date', 'time', 'createdat'],
  type: ['type', 'eventtype', 'event', 'eventname', 'action', 'activity'],
  value: ['value', 'eventvalue', 'amount', 'usage'],
  limit: ['limit', 'limitvalue', 'quota', 'allowance', 'planlimit', 'cap'],
};

/** "Customer ID", "customer_id" and "CustomerID" all become "customerid". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Where a header stands in a field's list of synonyms (0 is strongest), or -1. */
export function synonymRank(field: FieldName, normalisedHeader: string): number {
  return SYNONYMS[field].indexOf(normalisedHeader);
}

/** Whether a header is a name any kind knows, which makes a first row look like a header row. */
export function isKnownHeader(header: string): boolean {
  const key = normaliseHeader(header);
  return key !== '' && Object.values(SYNONYMS).some((names) => names.includes(key));
}
