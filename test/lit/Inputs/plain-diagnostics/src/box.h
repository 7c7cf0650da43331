#pragma once
template <class T> struct Box {
  T value;
  T get() const { return value; }
};
