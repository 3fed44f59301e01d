/**
 * Spring Boot auto-configuration of ark-chat: {@code ark.chat.*} properties
 * ({@link dev.arkchat.autoconfigure.ArkChatProperties}) turned into the clients and templates applications inject
 * ({@link dev.arkchat.autoconfigure.ArkChatAutoConfiguration}), with configuration mistakes reported at startup.
 */
@NullMarked
package dev.arkchat.autoconfigure;

import org.jspecify.annotations.NullMarked;
