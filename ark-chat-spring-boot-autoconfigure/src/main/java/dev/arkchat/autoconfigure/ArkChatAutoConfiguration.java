package dev.arkchat.autoconfigure;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.context.ContextChatOperations;
import dev.arkchat.knowledge.KnowledgeOperations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of ark-chat's clients from the {@code ark.chat.*} properties. Every bean backs off when the
 * application defines one of its type; {@code ark.chat.enabled=false} turns them all off.
 * <ul>
 * <li>Credentials: an {@link ApiKeyProvider} from {@code ark.chat.api-key}, or temporary keys issued with
 * {@code ark.chat.access-key} and {@code ark.chat.secret-key} (see {@link ArkChatCredentialBeans}).</li>
 * <li>Bot chat v3: the {@link BotChatClient}, the {@link BotChatOperations} of {@code ark.chat.bot.*} (primary), and
 * one qualified {@code BotChatOperations} per named bot, {@code ark.chat.bots.<name>.*}.</li>
 * <li>Legacy bot chat v2: the {@link LegacyBotChatOperations} of {@code ark.chat.legacy-bot.*}; off with
 * {@code ark.chat.legacy-bot.enabled=false}.</li>
 * <li>Context-cached chat: the {@link ContextChatOperations} of {@code ark.chat.context.*} and its sessions, kept in
 * the application's cache manager when there is one; off with {@code ark.chat.context.enabled=false}.</li>
 * <li>Knowledge base: the {@link KnowledgeOperations} of {@code ark.chat.knowledge.*}, only with an access key pair
 * (the knowledge base accepts only signed requests); off with {@code ark.chat.knowledge.enabled=false}.</li>
 * </ul>
 * The endpoint beans are created when first injected or asked for; their settings are checked at startup, and
 * missing credentials or a malformed URL fail the startup with an {@link ArkChatConfigurationException} that names
 * the property.
 * <p>
 * Clients are built from a clone of Boot's {@link RestClient.Builder} (so Boot's customizers, observations and
 * {@code spring.http.clients.*} settings apply), customized by the {@link ArkChatRestClientCustomizer} beans, with
 * Ark's base URL and Ark's own JDK {@code HttpClient} request factories (see {@link ArkRequestFactories} for why Ark
 * needs those), and observed with the application's {@link ObservationRegistry}. The application's own builder is
 * never changed.
 * <p>
 * The beans are registered by {@link ArkChatBeanRegistrar} rather than declared as conditional {@code @Bean} methods,
 * which cost a minimal application's startup a few milliseconds each; {@code --debug} still reports why each bean is
 * or is not there, under {@code ArkChatAutoConfiguration#<bean>}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration" })
@ConditionalOnClass({ BotChatClient.class, RestClient.class })
@ConditionalOnBooleanProperty(name = ArkChatProperties.PREFIX + ".enabled", matchIfMissing = true)
// Boot's binding of @ConfigurationProperties beans: the registrar registers ark-chat's, as this would
@EnableConfigurationProperties
@Import(ArkChatBeanRegistrar.class)
// the class declares no bean: it is never needed
@Lazy
public final class ArkChatAutoConfiguration {

}
