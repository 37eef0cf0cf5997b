/**
 * How a service changes version: a rolling update for each microservice, a full restart
 * (recreate) for the monolith. The strategies run on the service's worker, through its
 * supervisor.
 */
package lab.fleet.rollout;
