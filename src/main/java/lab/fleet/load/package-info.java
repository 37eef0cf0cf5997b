/**
 * The load generator: storefront traffic at a steady, bounded rate through the gateway,
 * so the live view has something to show.
 */
package lab.fleet.load;
