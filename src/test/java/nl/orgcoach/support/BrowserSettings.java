package nl.orgcoach.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How the {@link Browser} of one test is started: its language and window. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BrowserSettings {

  /** Browser language: {@code --lang} and the {@code Accept-Language} preference. */
  String lang() default "en";

  int width() default 1280;

  int height() default 900;

  /**
   * Emulates a phone (touch, mobile viewport and user agent) at {@link #width()}×{@link #height()}.
   */
  boolean mobile() default false;

  /**
   * A phone: {@link #PHONE_WIDTH}×{@link #PHONE_HEIGHT} with mobile emulation, whatever {@link
   * #width()}, {@link #height()} and {@link #mobile()} say.
   */
  boolean phone() default false;

  /** A phone: 390×844 CSS pixels, like a current iPhone. */
  int PHONE_WIDTH = 390;

  int PHONE_HEIGHT = 844;
}
