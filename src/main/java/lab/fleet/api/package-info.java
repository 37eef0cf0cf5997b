/**
 * The control plane's JSON API ({@code /api/fleet/...}) and its refusals as localized RFC
 * 9457 problem details.
 */
package lab.fleet.api;
