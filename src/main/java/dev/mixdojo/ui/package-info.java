/** The JavaFX app: one subpackage per screen, each a View and a ViewModel. */
package dev.mixdojo.ui;
