/**
 * The data plane in front of the fleet: the load balancer's view of ready instances, its
 * front door {@code /lb} for service-to-service calls, and the API gateway with circuit
 * breakers behind the storefront.
 */
package lab.fleet.gateway;
