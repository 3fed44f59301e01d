/**
 * Credentials: {@link dev.arkchat.auth.ApiKeyProvider} gives the Bearer key a request is sent with, either one console
 * key ({@link dev.arkchat.auth.StaticApiKeyProvider}) or temporary keys per bot or endpoint issued for an access key
 * pair ({@link dev.arkchat.auth.TemporaryApiKeyProvider}); {@link dev.arkchat.auth.VolcengineSigner} signs OpenAPI and
 * knowledge-base requests with {@link dev.arkchat.auth.VolcengineCredentials} (V4, HMAC-SHA256).
 */
@NullMarked
package dev.arkchat.auth;

import org.jspecify.annotations.NullMarked;
