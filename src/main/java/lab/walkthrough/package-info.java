/**
 * Instructor-led walkthroughs: the walkthrough files with their steps, the closed
 * vocabulary of actions and checks on the live fleet, and the self-study and presenter
 * pages.
 */
package lab.walkthrough;
