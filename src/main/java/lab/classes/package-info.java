/**
 * Classes that follow an instructor through a walkthrough: join codes and their QR codes,
 * the one driver of each class, the live stream that carries the current step and the
 * fleet's state to every follower, and the JSON API for scripts.
 */
package lab.classes;
