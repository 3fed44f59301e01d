package dev.arkchat.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.module.SimpleModule;

/**
 * Calls the creators of ark-chat's records (canonical constructors, {@code @JsonCreator} factories) through a method
 * handle built once per type, where Jackson 3 calls {@code MethodHandle.invokeWithArguments} for every object, which
 * adapts the handle again each time (a few microseconds and several allocations per object: an answer with
 * references and tool details builds dozens). Only the call changes: Jackson still finds the creator, buffers the
 * properties and handles a failing creator exactly as before.
 */
final class DirectCreators extends ValueInstantiators.Base {

	private static final String PACKAGE = "dev.arkchat.";

	/**
	 * The module that installs it.
	 * @return the module
	 */
	static SimpleModule module() {
		return new SimpleModule("ark-chat-direct-creators") {

			@Override
			public void setupModule(SetupContext context) {
				super.setupModule(context);
				context.addValueInstantiators(new DirectCreators());
			}

		};
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc,
			ValueInstantiator defaultInstantiator) {
		if (defaultInstantiator.getClass() != StdValueInstantiator.class
				|| !defaultInstantiator.canCreateFromObjectWith()) {
			return defaultInstantiator;
		}
		StdValueInstantiator standard = (StdValueInstantiator) defaultInstantiator;
		AnnotatedWithParams creator = standard.getWithArgsCreator();
		if (creator == null || !standard.getValueClass().getName().startsWith(PACKAGE)) {
			return defaultInstantiator;
		}
		MethodHandle handle = spreader(creator.getMember(), creator.getParameterCount());
		return (handle != null) ? new Direct(standard, handle) : defaultInstantiator;
	}

	/** {@code (Object[]) -> Object} over the creator, or {@code null} where it cannot be reached. */
	private static @Nullable MethodHandle spreader(Member member, int parameters) {
		try {
			MethodHandle handle;
			if (member instanceof Constructor<?> constructor && constructor.trySetAccessible()) {
				handle = MethodHandles.lookup().unreflectConstructor(constructor);
			}
			else if (member instanceof Method method && Modifier.isStatic(method.getModifiers())
					&& method.trySetAccessible()) {
				handle = MethodHandles.lookup().unreflect(method);
			}
			else {
				return null;
			}
			return handle.asType(MethodType.genericMethodType(parameters)).asSpreader(Object[].class, parameters);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/** Jackson's instantiator with the creator called directly. */
	private static final class Direct extends StdValueInstantiator {

		private final MethodHandle creator;

		Direct(StdValueInstantiator source, MethodHandle creator) {
			super(source);
			this.creator = creator;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
			try {
				return (Object) this.creator.invokeExact(args);
			}
			catch (Error error) {
				throw error;
			}
			catch (Throwable ex) {
				// what Jackson does with a creator that throws
				return ctxt.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(ctxt, ex));
			}
		}

	}

}
