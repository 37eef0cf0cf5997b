/**
 * The live view: the fleet's whole state worded in one language ({@code GET /api/fleet}),
 * pushed to pages over Server-Sent Events.
 */
package lab.fleet.live;
