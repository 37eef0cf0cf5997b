/**
 * Module interfaces implemented over HTTP ({@code HttpUsersApi implements UsersApi}, ...), so a
 * service can use a peer as if it were in-process; every call has connect and request timeouts.
 */
package lab.chassis.remote;
