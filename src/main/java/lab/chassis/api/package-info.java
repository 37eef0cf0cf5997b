/**
 * The HTTP face of each business module: its routes and the JSON form of its records. The
 * same routes serve a microservice and the monolith; the remote clients read the same
 * JSON back.
 */
package lab.chassis.api;
