#pragma once
#include <string>

namespace demo {

class Shape {
public:
  explicit Shape(std::string name);
  virtual ~Shape();
  virtual double area() const = 0;
  const std::string &name() const { return name_; }

private:
  std::string name_;
};

class Circle : public Shape {
public:
  explicit Circle(double radius);
  double area() const override;

private:
  double radius_;
};

class Square : public Shape {
public:
  explicit Square(double side);
  double area() const override;

private:
  double side_;
};

}  // namespace demo
