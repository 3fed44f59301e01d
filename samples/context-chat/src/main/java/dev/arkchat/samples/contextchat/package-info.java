/**
 * Sample: a Spring MVC application that keeps multi-turn conversations in Ark context caches through ark-chat's
 * {@link dev.arkchat.context.ContextSessions}: {@code POST /conversations/{id}/messages} sends only the newest message,
 * and the answer shows the cached tokens growing turn by turn. Without an API key it answers from a fake Ark started
 * in-process ({@link dev.arkchat.samples.contextchat.MockArkEnvironmentPostProcessor}).
 */
@NullMarked
package dev.arkchat.samples.contextchat;

import org.jspecify.annotations.NullMarked;
