/**
 * Module interfaces implemented over HTTP ({@code HttpUsersApi implements UsersApi},
 * ...), so a service can use a peer as if it were in-process; every call has connect and
 * request timeouts, set at run time with the fallbacks switch by
 * {@link lab.chassis.remote.Resilience}.
 */
package lab.chassis.remote;
