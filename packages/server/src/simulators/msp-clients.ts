/**
 * The MSP's customers. Pax8 knows them as companies and Xero as invoice contacts; using the same
 * names (spelt slightly differently in a few places, as in real books) lets the company-mapping
 * suggestions be exercised end to end.
 */
export const MSP_CLIENTS: readonly { pax8Name: string; xeroName: string; city: string }[] = [
  { pax8Name: 'Northwind Dental', xeroName: 'Northwind Dental Practice', city: 'Leeds' },
  { pax8Name: 'Contoso Legal LLP', xeroName: 'Contoso Legal LLP', city: 'London' },
  { pax8Name: 'Fabrikam Engineering', xeroName: 'Fabrikam Engineering Ltd', city: 'Manchester' },
  { pax8Name: 'Tailspin Toys', xeroName: 'Tailspin Toys', city: 'Bristol' },
  { pax8Name: 'Adventure Works Cycles', xeroName: 'Adventure Works Cycles', city: 'Cambridge' },
  { pax8Name: 'Wide World Importers', xeroName: 'Wide World Importers Ltd', city: 'Southampton' },
  { pax8Name: 'Litware Accountants', xeroName: 'Litware Accountants', city: 'York' },
  { pax8Name: 'Proseware Architects', xeroName: 'Proseware Architects', city: 'Edinburgh' },
  { pax8Name: "Margie's Travel", xeroName: "Margie's Travel", city: 'Brighton' },
  { pax8Name: 'Alpine Ski House', xeroName: 'Alpine Ski House', city: 'Aviemore' },
  { pax8Name: 'Blue Yonder Logistics', xeroName: 'Blue Yonder Logistics Ltd', city: 'Birmingham' },
  { pax8Name: 'Coho Winery', xeroName: 'Coho Winery', city: 'Dorking' },
  { pax8Name: 'Fourth Coffee', xeroName: 'Fourth Coffee', city: 'Glasgow' },
  { pax8Name: 'Graphic Design Institute', xeroName: 'Graphic Design Institute', city: 'Nottingham' },
  { pax8Name: 'Humongous Insurance', xeroName: 'Humongous Insurance Brokers', city: 'Norwich' },
  { pax8Name: 'Lucerne Publishing', xeroName: 'Lucerne Publishing', city: 'Oxford' },
  { pax8Name: 'Relecloud Media', xeroName: 'Relecloud Media', city: 'Cardiff' },
  { pax8Name: 'Southridge Video', xeroName: 'Southridge Video', city: 'Sheffield' },
  { pax8Name: 'Trey Research', xeroName: 'Trey Research Ltd', city: 'Reading' },
  { pax8Name: 'VanArsdel Opticians', xeroName: 'VanArsdel Opticians', city: 'Exeter' },
  { pax8Name: 'Woodgrove Veterinary', xeroName: 'Woodgrove Veterinary Surgery', city: 'Bath' },
  { pax8Name: 'Wingtip Estate Agents', xeroName: 'Wingtip Estate Agents', city: 'Leicester' },
  { pax8Name: 'Bellows College', xeroName: 'Bellows College', city: 'Durham' },
  { pax8Name: 'A. Datum Surveying', xeroName: 'A Datum Surveying', city: 'Newcastle upon Tyne' },
  { pax8Name: 'Consolidated Messenger', xeroName: 'Consolidated Messenger', city: 'Liverpool' },
];
