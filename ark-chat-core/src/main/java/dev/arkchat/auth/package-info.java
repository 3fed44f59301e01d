/**
 * Credentials: {@link dev.arkchat.auth.ApiKeyProvider} gives the Bearer key a request is sent with.
 */
@NullMarked
package dev.arkchat.auth;

import org.jspecify.annotations.NullMarked;
