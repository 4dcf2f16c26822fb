/**
 * Student accounts: registration with e-mail and password, sign-in and sign-out, and deleting the
 * account with its profile. Passwords are hashed with Spring Security's delegating encoder
 * (bcrypt); sign-in yields the platform's signed identity token.
 */
package org.skillway.ingest.account;
