package dev.arkchat.http;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.chat.ChatMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type the wire mapper reads or writes has reflection hints: found by scanning core's classes, so that a new
 * wire type without a hint fails this test.
 */
class ArkJsonRuntimeHintsTest {

	/**
	 * Records and enums of core that never go through Jackson. A new record or enum is taken for a wire type unless it
	 * is listed here.
	 */
	private static final Set<String> NOT_WIRE = Set.of(
			"dev.arkchat.ArkRegion",
			"dev.arkchat.auth.ApiKeyResourceType",
			"dev.arkchat.auth.IssuedApiKey",
			"dev.arkchat.auth.SignedRequest",
			"dev.arkchat.auth.VolcengineCredentials",
			"dev.arkchat.http.ArkCall",
			"dev.arkchat.http.ArkTransport$RestClients",
			"dev.arkchat.http.RetrySettings",
			"dev.arkchat.observation.ArkChatObservationDocumentation",
			"dev.arkchat.observation.ArkChatObservationDocumentation$Events",
			"dev.arkchat.observation.ArkChatObservationDocumentation$HighCardinalityKeyNames",
			"dev.arkchat.observation.ArkChatObservationDocumentation$LowCardinalityKeyNames");

	private static final String BOT_CHAT_COMPLETION_DESERIALIZER = "dev.arkchat.bot.BotAnswerDeserializer$Completion";

	private final RuntimeHints hints = new RuntimeHints();

	@BeforeEach
	void registerHints() {
		new ArkJsonRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyWireTypeHasReflectionHints() throws Exception {
		List<String> missing = new ArrayList<>();
		for (Class<?> type : wireTypes()) {
			if (!RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(ArkJsonRuntimeHints.CATEGORIES)
				.test(this.hints)) {
				missing.add(type.getName());
			}
		}
		assertThat(missing).as("wire types without hints: add them to ArkJsonRuntimeHints.TYPES").isEmpty();
	}

	@Test
	void everyHintedTypeExists() {
		for (String type : ArkJsonRuntimeHints.TYPES) {
			assertThat(ClassUtils.isPresent(type, getClass().getClassLoader())).as(type).isTrue();
		}
		for (String deserializer : ArkJsonRuntimeHints.DESERIALIZERS) {
			assertThat(ClassUtils.isPresent(deserializer, getClass().getClassLoader())).as(deserializer).isTrue();
		}
	}

	@Test
	void everyDeserializerAWireTypeNamesCanBeCreated() throws Exception {
		List<String> named = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Class<?> type : wireTypes()) {
			JsonDeserialize annotation = type.getDeclaredAnnotation(JsonDeserialize.class);
			if (annotation == null || annotation.using() == ValueDeserializer.None.class) {
				continue;
			}
			named.add(annotation.using().getName());
			if (!RuntimeHintsPredicates.reflection()
				.onConstructorInvocation(annotation.using().getDeclaredConstructor())
				.test(this.hints)) {
				missing.add(annotation.using().getName());
			}
		}
		assertThat(named).as("the hand-written deserializers").contains(BOT_CHAT_COMPLETION_DESERIALIZER);
		assertThat(missing).as("deserializers without hints: add them to ArkJsonRuntimeHints.DESERIALIZERS")
			.isEmpty();
	}

	@Test
	void theMembersJacksonCallsAreCovered() throws Exception {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BotChatRequest.class.getMethod("model")))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BotChatCompletion.class.getMethod("id")))
			.accepts(this.hints);
		for (Method creator : ChatMessage.class.getDeclaredMethods()) {
			if (creator.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonCreator.class)) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(creator)).accepts(this.hints);
			}
		}
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(BotChatCompletion.class.getDeclaredConstructors()[0])).accepts(this.hints);
	}

	@Test
	void theRegistrarIsRegisteredForAot() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(ArkJsonRuntimeHints.class);
	}

	/** Core's records, enums and Jackson-annotated types, minus those known not to be wire types. */
	private static Set<Class<?>> wireTypes() throws IOException, ClassNotFoundException {
		URL core = ArkJson.class.getProtectionDomain().getCodeSource().getLocation();
		Set<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getName));
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:dev/arkchat/**/*.class")) {
			String url = resource.getURL().toString();
			if (!url.startsWith(core.toString())) {
				continue;
			}
			String name = url.substring(core.toString().length(), url.length() - ".class".length()).replace('/', '.');
			if (name.endsWith("package-info")) {
				continue;
			}
			Class<?> type = Class.forName(name, false, ArkJsonRuntimeHintsTest.class.getClassLoader());
			if ((type.isRecord() || type.isEnum() || hasJacksonAnnotation(type)) && !NOT_WIRE.contains(name)
					&& !type.isAnonymousClass()) {
				types.add(type);
			}
		}
		return types;
	}

	private static boolean hasJacksonAnnotation(Class<?> type) {
		List<AnnotatedElement> elements = new ArrayList<>();
		elements.add(type);
		elements.addAll(List.of(type.getDeclaredFields()));
		elements.addAll(List.of(type.getDeclaredMethods()));
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			elements.add(constructor);
			elements.addAll(List.of(constructor.getParameters()));
		}
		for (Method method : type.getDeclaredMethods()) {
			elements.addAll(List.of(method.getParameters()));
		}
		for (AnnotatedElement element : elements) {
			for (Annotation annotation : element.getDeclaredAnnotations()) {
				if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson.annotation.")) {
					return true;
				}
			}
		}
		return false;
	}

}
