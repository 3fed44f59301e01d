/**
 * Observation of every Ark call and stream as {@code gen_ai.client.operation}, following the OpenTelemetry GenAI
 * conventions: {@link dev.arkchat.observation.ArkChatObservationContext} carries what is known of a call,
 * {@link dev.arkchat.observation.DefaultArkChatObservationConvention} turns it into key values, and a user's
 * {@link dev.arkchat.observation.ArkChatObservationConvention} replaces it.
 */
@NullMarked
package dev.arkchat.observation;

import org.jspecify.annotations.NullMarked;
